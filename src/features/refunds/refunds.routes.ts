import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { confirmRefund } from './confirm-refund.ts';
import { getRefund, listRefunds } from './refunds.queries.ts';
import { retryRefund } from './retry-refund.ts';

const view = (r: Awaited<ReturnType<typeof listRefunds>>[number]) => ({
  ...r,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

export const refundRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/refunds',
      {
        schema: {
          tags: ['refunds'],
          summary: 'Refunds, newest first',
          querystring: z.strictObject({
            status: z.enum(['pending', 'requires_action', 'succeeded', 'failed']).optional(),
            order_id: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { limit, ...filter } = request.query;
        return { data: (await listRefunds(database.db, actorOf(request).storeId, filter, limit)).map(view) };
      },
    );

    app.post(
      '/api/v1/refunds/:id/confirm',
      {
        schema: {
          tags: ['refunds'],
          summary:
            'Confirm a refund paid by hand (waiting for it, or refused by the provider), with the payment reference',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({ reference: z.string().min(1).max(200) }),
        },
        config: { permission: 'returns.resolve' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const out = await runIdempotent(database, actor, request, async (trx) => {
          await confirmRefund(trx, actor, request.params.id, request.body.reference);
          const row = await getRefund(trx, actor.storeId, request.params.id);
          if (!row) throw new AppError('not_found', 'Refund not found');
          return { status: 200, body: view(row) };
        });
        return reply.status(out.status).send(out.body);
      },
    );

    app.post(
      '/api/v1/refunds/:id/retry',
      {
        schema: {
          tags: ['refunds'],
          summary: 'Send again a refund the provider refused, or whose sending gave up after its retries',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({}).default({}),
        },
        config: { permission: 'returns.resolve' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const out = await runIdempotent(database, actor, request, async (trx) => {
          await retryRefund(trx, actor, request.params.id);
          const row = await getRefund(trx, actor.storeId, request.params.id);
          if (!row) throw new AppError('not_found', 'Refund not found');
          return { status: 200, body: view(row) };
        });
        return reply.status(out.status).send(out.body);
      },
    );
  };
