import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { can } from '../../domain/roles.ts';
import { actorOf } from '../../http/auth.ts';
import { describeActors } from '../auth/actor-names.ts';
import { assignCase } from './assign-case.ts';
import { caseEvidence, type EvidenceDeps, evidenceFile, receiveEvidence } from './evidence.ts';
import { addMessage, caseMessages } from './messages.ts';

const params = z.object({ id: z.uuid() });

const assignBody = z
  .strictObject({
    /** a staff user of the store, or null to unassign */
    user_id: z.uuid().nullable().optional(),
    /** the signed-in user (a session, not an API token) */
    to: z.literal('me').optional(),
  })
  .refine((b) => (b.user_id === undefined) !== (b.to === undefined), {
    message: 'give either user_id (null unassigns) or to: "me"',
  });

export const caseRoutes =
  (database: Database, evidence: EvidenceDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cases/:id/messages',
      {
        schema: {
          tags: ['cases'],
          summary: 'The conversation and internal notes of a case (a return id is a case id)',
          params,
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const messages = await caseMessages(database.db, storeId, request.params.id);
        // who wrote each, in words (staff by name), beside the recorded author
        const authors = await describeActors(
          database.db,
          storeId,
          messages.flatMap((m) => (m.author ? [m.author] : [])),
        );
        return {
          data: messages.map((m) => ({ ...m, author_view: (m.author && authors.get(m.author)) || null })),
        };
      },
    );

    app.post(
      '/api/v1/cases/:id/messages',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Record an inbound message (agents) or add an internal note (anyone who works cases, the warehouse too)',
          params,
          body: z.strictObject({
            direction: z.enum(['in', 'internal']),
            channel: z.string().min(1).max(50).default('note'),
            body: z.string().trim().min(1).max(20_000),
            author: z.string().max(200).optional(),
          }),
        },
        config: { permission: 'cases.note' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (
          request.body.direction === 'in' &&
          (actor.role === 'customer' || !can(actor.role, 'returns.review'))
        )
          throw new AppError(
            'forbidden',
            'Only agents record what a customer wrote; add an internal note instead',
          );
        const id = await database.db
          .transaction()
          .execute((trx) => addMessage(trx, actor, request.params.id, request.body));
        return reply.status(201).send({ id });
      },
    );

    app.post(
      '/api/v1/cases/:id/assign',
      {
        schema: {
          tags: ['cases'],
          summary: 'Assign a case to a staff user, to yourself (`to: "me"`), or to nobody (`user_id: null`)',
          params,
          body: assignBody,
        },
        config: { permission: 'cases.assign' },
      },
      async (request) => {
        const actor = actorOf(request);
        return database.db
          .transaction()
          .execute((trx) => assignCase(trx, actor, request.params.id, request.body));
      },
    );

    app.post(
      '/api/v1/cases/:id/evidence',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Attach photos or videos (multipart/form-data: optional field line_id, then one or more files)',
          params,
          consumes: ['multipart/form-data'],
        },
        config: { permission: 'cases.evidence' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const saved = await receiveEvidence(database, evidence, request, actor, request.params.id);
        return reply.status(201).send({ data: saved });
      },
    );

    app.get(
      '/api/v1/cases/:id/evidence',
      {
        schema: { tags: ['cases'], summary: "A case's evidence files (metadata)", params },
        config: { permission: 'read' },
      },
      async (request) => ({
        data: await caseEvidence(database.db, actorOf(request).storeId, request.params.id),
      }),
    );

    app.get(
      '/api/v1/cases/:id/evidence/:evidenceId',
      {
        schema: {
          tags: ['cases'],
          summary: 'One evidence file, as uploaded',
          params: params.extend({ evidenceId: z.uuid() }),
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const file = await evidenceFile(
          database.db,
          evidence.files,
          actorOf(request).storeId,
          request.params.id,
          request.params.evidenceId,
        );
        return reply
          .type(file.content_type)
          .header('content-disposition', `inline; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.size))
          .send(file.body);
      },
    );
  };
