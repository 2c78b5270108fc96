import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import type { EvidenceDeps } from '../cases/evidence.ts';
import { type Classifier, receiveEmail } from './inbound-email.ts';
import { suggestedReply } from './suggested-reply.ts';

/** A forwarded support mailbox may carry photos and a video: up to 30 MB of raw message. */
export const MAX_INBOUND_BYTES = 30 * 1024 * 1024;

export const inboxRoutes =
  (database: Database, deps: EvidenceDeps & { classify: Classifier }): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(
      'message/rfc822',
      { parseAs: 'buffer', bodyLimit: MAX_INBOUND_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/api/v1/inbound/email',
      {
        schema: {
          tags: ['messages'],
          summary:
            'Take in a customer email (Content-Type: message/rfc822, the raw message): threaded onto its case by In-Reply-To/References, else an RMA, case or order number in the subject, else a new inquiry case; attachments become evidence; language and intent are recognised. 201 `{ case_id, message_id }`; the same Message-ID again answers 200 and changes nothing.',
          consumes: ['message/rfc822'],
        },
        config: { permission: 'messages.send' },
      },
      async (request, reply) => {
        const body = request.body;
        const raw = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        const { status, ...out } = await receiveEmail(database, deps, actorOf(request), raw);
        return reply.status(status).send(out);
      },
    );

    app.get(
      '/api/v1/cases/:id/suggested-reply',
      {
        schema: {
          tags: ['messages'],
          summary:
            "A reply to the customer's last message, in their language, from its intent and the case's state, for the agent to edit and send",
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'read' },
      },
      async (request) => suggestedReply(database.db, actorOf(request).storeId, request.params.id),
    );
  };
