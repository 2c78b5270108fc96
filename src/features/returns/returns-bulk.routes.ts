// A queue's bulk actions and its CSV export: what a team working hundreds of returns a day needs
// beside the one-by-one steps in returns.routes.ts.
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { minorUnitDigits } from '../../domain/currency.ts';
import { actorOf } from '../../http/auth.ts';
import type { Carrier } from '../../integrations/carriers/carrier.ts';
import { userOf } from '../auth/actor.ts';
import { bulkReturns } from './bulk-returns.ts';
import type { StoreCarrier } from './issue-label.ts';
import { labelBatch } from './label-batch.ts';
import { searchReturns } from './return-search.queries.ts';
import { returnViews } from './return-view.ts';
import { returnListQuery } from './returns.schemas.ts';

const EXPORT_LIMIT = 10_000;
const PAGE = 500;

const bulkBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(200),
  action: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('approve') }),
    z.strictObject({ action: z.literal('label') }),
    z.strictObject({
      action: z.literal('assign'),
      user_id: z.uuid().nullable().optional(),
      to: z.literal('me').optional(),
    }),
  ]),
});

const COLUMNS = [
  'rma',
  'status',
  'requested_at',
  'order_number',
  'customer_name',
  'customer_email',
  'country',
  'items',
  'reasons',
  'refund_total',
  'currency',
  'assignee',
  'sla_due_at',
  'refund_due_at',
] as const;

export interface BulkRouteDeps {
  database: Database;
  portalUrl: string;
  carrier?: Carrier;
  carrierFor?: StoreCarrier;
}

export const returnBulkRoutes =
  ({ database, ...labels }: BulkRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/returns/bulk',
      {
        schema: {
          tags: ['returns'],
          summary:
            'Approve, assign or issue labels for many returns; each succeeds or fails on its own, reported per return',
          body: bulkBody,
          response: {
            200: z.object({
              data: z.array(
                z.object({
                  id: z.string(),
                  ok: z.boolean(),
                  code: z.string().optional(),
                  detail: z.string().optional(),
                }),
              ),
            }),
          },
        },
        // the action's own permission is checked per action (approve: review, assign: cases.assign)
        config: { permission: 'read' },
      },
      async (request) => ({
        data: await bulkReturns(database, labels, actorOf(request), request.body.ids, request.body.action),
      }),
    );

    app.get(
      '/api/v1/returns/labels.pdf',
      {
        schema: {
          tags: ['returns'],
          summary:
            'The labels of several returns in one PDF, to print a batch (returns without a label are left out)',
          querystring: z.strictObject({
            ids: z
              .string()
              .max(200 * 37)
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(z.uuid()).min(1).max(200)),
          }),
          produces: ['application/pdf'],
        },
        config: { permission: 'returns.label' },
      },
      async (request, reply) => {
        const pdf = await labelBatch(database.db, actorOf(request).storeId, request.query.ids);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="return-labels.pdf"')
          .send(pdf);
      },
    );

    app.get(
      '/api/v1/returns/export.csv',
      {
        schema: {
          tags: ['returns'],
          summary: `A queue or search as CSV (the same filters as GET /returns; at most ${EXPORT_LIMIT} rows)`,
          querystring: returnListQuery,
          produces: ['text/csv'],
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { limit: _limit, cursor: _cursor, sort, assignee, ...rest } = request.query;
        const filter = {
          ...rest,
          assignee:
            assignee === 'me' ? userOf(actor, 'query.assignee') : assignee === 'none' ? null : assignee,
        };
        const csv = stringify({ header: true, columns: [...COLUMNS], bom: true });
        reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="returns-${new Date().toISOString().slice(0, 10)}.csv"`,
          );
        // pages are read one after another and written as they come, so memory stays flat
        void (async () => {
          try {
            for (let offset = 0; offset < EXPORT_LIMIT; offset += PAGE) {
              const rows = await searchReturns(database.db, actor.storeId, filter, {
                limit: PAGE,
                offset,
                sort,
              });
              for (const r of await returnViews(database.db, actor.storeId, rows))
                csv.write({
                  rma: r.rma,
                  status: r.status,
                  requested_at: r.requested_at,
                  order_number: r.order_number,
                  customer_name: r.customer.name,
                  customer_email: r.customer.email,
                  country: r.customer.country,
                  items: r.lines.map((l) => `${l.quantity} x ${l.sku}`).join('; '),
                  reasons: [...new Set(r.lines.map((l) => l.reason))].join('; '),
                  refund_total: (r.refund.total / 10 ** minor(r.currency)).toFixed(minor(r.currency)),
                  currency: r.currency,
                  assignee: r.assignee?.name ?? '',
                  sla_due_at: r.sla_due_at,
                  refund_due_at: r.refund_due_at,
                });
              if (rows.length < PAGE) break;
            }
            csv.end();
          } catch (err) {
            csv.destroy(err as Error);
          }
        })();
        return reply.send(csv);
      },
    );
  };

function minor(currency: string): number {
  return minorUnitDigits(currency);
}
