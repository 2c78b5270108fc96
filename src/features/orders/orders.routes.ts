import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { shippedQuantities } from '../../domain/cases/case-money.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../../http/pagination.ts';
import { findOrders, loadOrders, type StoredOrder } from './load-order.ts';
import { orderInputSchema } from './orders.schemas.ts';
import { upsertOrder } from './upsert-order.ts';

export function orderView(s: StoredOrder) {
  const shipped = shippedQuantities(s.order);
  return {
    id: s.id,
    ...s.order,
    customer: { id: s.customer_id, ...s.order.customer },
    // lines as they were sent, so what GET answers can be sent again
    lines: s.order.lines.map(({ cancelled_quantity: _, ...l }) => ({ ...l, tags: s.tags.lines[l.id] ?? [] })),
    /** per line: units shipped, cancelled before shipment, and still to ship */
    line_status: s.order.lines.map((l) => {
      const cancelled = s.cancelled[l.id] ?? 0;
      const sent = shipped.get(l.id) ?? 0;
      return {
        line_id: l.id,
        shipped: sent,
        cancelled,
        open: Math.max(0, l.quantity - sent - cancelled),
      };
    }),
    tags: s.tags.order,
    totals: { total: s.total_amount, paid: s.paid_amount, refunded: s.refunded_amount },
    created_at: s.created_at.toISOString(),
    updated_at: s.updated_at.toISOString(),
  };
}

async function viewOne(trx: Tx, storeId: string, id: string) {
  const [o] = await loadOrders(trx, storeId, [id]);
  if (!o) throw new AppError('not_found', 'Order not found');
  return orderView(o);
}

export const orderRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/orders',
      {
        schema: {
          tags: ['orders'],
          summary: 'Create an order, or replace the one with the same external_id',
          body: orderInputSchema,
        },
        config: { permission: 'orders.write' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const out = await runIdempotent(database, actor, request, async (trx) => {
          const { id, created } = await upsertOrder(trx, actor.storeId, request.body);
          return { status: created ? 201 : 200, body: await viewOne(trx, actor.storeId, id) };
        });
        return reply.status(out.status).send(out.body);
      },
    );

    app.get(
      '/api/v1/orders/:id',
      {
        schema: { tags: ['orders'], summary: 'One order', params: z.object({ id: z.uuid() }) },
        config: { permission: 'read' },
      },
      async (request) => viewOne(database.db, actorOf(request).storeId, request.params.id),
    );

    app.get(
      '/api/v1/orders',
      {
        schema: {
          tags: ['orders'],
          summary: 'Find orders by number, external id or customer email, newest first',
          querystring: z.strictObject({
            number: z.string().min(1).max(100).optional(),
            external_id: z.string().min(1).max(200).optional(),
            email: z.string().min(3).max(320).optional(),
            ...pageQuery,
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const { limit, cursor, ...filter } = request.query;
        const after = decodeCursor<{ placed_at: string; id: string }>(cursor, ['placed_at', 'id']);
        // one more than the page: whether there is a next one
        const found = await findOrders(database.db, storeId, filter, { limit: limit + 1, after });
        const page = found.slice(0, limit);
        const last = page.at(-1);
        return {
          data: page.map(orderView),
          next_cursor:
            found.length > limit && last
              ? encodeCursor({ placed_at: last.order.placed_at, id: last.id })
              : null,
        };
      },
    );
  };
