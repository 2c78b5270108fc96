// The endpoints our signed webhooks go out to (see webhooks-out.ts): made with a secret shown once,
// listed with their recent attempts, a logged send replayed, an endpoint stopped.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { newEndpointSecret, replaySend, TOPICS } from './webhooks-out.ts';

export const webhookEndpointRoutes =
  (database: Database, box: SecretBox): FastifyPluginAsyncZod =>
  async (app) => {
    const endpointView = (e: {
      id: string;
      url: string;
      topics: string[];
      created_at: Date;
      failing_since: Date | null;
      disabled_at: Date | null;
      disabled_reason: string | null;
    }) => ({
      id: e.id,
      url: e.url,
      topics: e.topics,
      created_at: e.created_at.toISOString(),
      failing_since: e.failing_since?.toISOString() ?? null,
      disabled_at: e.disabled_at?.toISOString() ?? null,
      disabled_reason: e.disabled_reason,
    });

    app.post(
      '/api/v1/webhook-endpoints',
      {
        schema: {
          tags: ['integrations'],
          summary:
            "Subscribe one of the store's systems to events (signed webhooks out); the signing secret is shown once",
          description: `Topics: ${TOPICS.join(', ')}, or "*". Signed per Standard Webhooks: \`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">\` keyed with the base64 part of the secret. The body is \`{ id, type, timestamp, data: { case, order, detail } }\`. A failed send is retried with exponential backoff for a day, then the endpoint is disabled with the reason.`,
          body: z.strictObject({
            url: z.url({ protocol: /^https?$/ }).max(500),
            topics: z
              .array(z.enum(['*', ...TOPICS] as [string, ...string[]]))
              .min(1)
              .max(50),
          }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        if (!box.canSeal)
          throw new AppError(
            'invalid_request',
            'Webhook secrets cannot be kept: set AFTERSALE_SECRET_KEY on the server first',
            {
              errors: [{ path: 'url', message: 'needs AFTERSALE_SECRET_KEY' }],
            },
          );
        const secret = newEndpointSecret();
        const row = await database.db
          .insertInto('webhook_endpoints')
          .values({
            store_id: storeId,
            id: randomUUID(),
            url: request.body.url,
            topics: [...new Set(request.body.topics)],
            secret: box.seal(secret),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return reply.status(201).send({ ...endpointView(row), secret });
      },
    );

    app.get(
      '/api/v1/webhook-endpoints',
      {
        schema: {
          tags: ['integrations'],
          summary: "The store's webhook endpoints and their last attempts (never the secret)",
        },
        config: { permission: 'integrations.read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const rows = await database.db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .where('store_id', '=', storeId)
          .orderBy('created_at')
          .execute();
        const sends = rows.length
          ? await database.db
              .selectFrom('webhook_sends')
              .select([
                'id',
                'endpoint_id',
                'event_id',
                'event_type',
                'attempt',
                'status_code',
                'error',
                'at',
              ])
              .where('store_id', '=', storeId)
              .orderBy('id', 'desc')
              .limit(200)
              .execute()
          : [];
        return {
          data: rows.map((r) => ({
            ...endpointView(r),
            recent: sends
              .filter((s) => s.endpoint_id === r.id)
              .slice(0, 20)
              .map((s) => ({ ...s, endpoint_id: undefined, at: s.at.toISOString() })),
          })),
        };
      },
    );

    app.post(
      '/api/v1/webhook-endpoints/:id/sends/:sendId/replay',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Send a logged event again (and enable the endpoint again if failures had disabled it)',
          params: z.object({ id: z.uuid(), sendId: z.coerce.number().int().positive() }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const ok = await database.db
          .transaction()
          .execute((trx) => replaySend(trx, storeId, request.params.id, request.params.sendId));
        if (!ok) throw new AppError('not_found', 'Send not found');
        return reply.status(202).send({ status: 'queued' });
      },
    );

    app.delete(
      '/api/v1/webhook-endpoints/:id',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Stop sending to an endpoint',
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const done = await database.db
          .updateTable('webhook_endpoints')
          .set({ disabled_at: new Date() })
          .where('store_id', '=', storeId)
          .where('id', '=', request.params.id)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw new AppError('not_found', 'Endpoint not found');
        return reply.status(204).send();
      },
    );

    // The public intake: raw bytes only, so the signature is checked on exactly what was sent.
  };
