import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { minorUnitDigits } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import {
  breakdown,
  DIMENSIONS,
  type Period,
  processHealth,
  refundTotals,
  timeseries,
} from './analytics.queries.ts';
import { CASE_DIMENSIONS, caseBreakdown, lostParcelRates } from './case-analytics.queries.ts';
import { reportingCurrency } from './reporting.ts';

const DAY = 86_400_000;
const periodQuery = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

/** Defaults to the last 90 days; refuses an empty or reversed period. */
function periodOf(q: { from?: string | undefined; to?: string | undefined }): Period {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 90 * DAY);
  if (from >= to)
    throw new AppError('invalid_request', '"from" must be before "to"', {
      errors: [{ path: 'query.from', message: 'after "to"' }],
    });
  return { from, to };
}

/** `database`: where analytics read, a replica when AFTERSALE_ANALYTICS_DATABASE_URL is set; these
 *  routes only read, so it may lag the main database by the replica's delay */
export const analyticsRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/analytics/summary',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Return rate over time, refund totals and process health for a period',
          querystring: z.strictObject({
            ...periodQuery,
            interval: z.enum(['day', 'week', 'month']).default('week'),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const period = periodOf(request.query);
        const [series, health, refunds, report] = await Promise.all([
          timeseries(database.db, storeId, request.query.interval, period),
          processHealth(database.db, storeId, period),
          refundTotals(database.db, storeId, period),
          reportingCurrency(database.db, storeId, period),
        ]);
        return {
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          timeseries: series,
          health,
          // per currency as paid, and all of it in the store's reporting currency at its rates
          refunds,
          refunds_total: { ...report.sum(refunds), refunds: refunds.reduce((n, r) => n + r.refunds, 0) },
        };
      },
    );

    app.get(
      '/api/v1/analytics/breakdown',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Units sold and returned, return rate and refunds by product, category, country, reason, segment or supplier',
          querystring: z.strictObject({
            ...periodQuery,
            dimension: z.enum(DIMENSIONS),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const period = periodOf(request.query);
        const [rows, report] = await Promise.all([
          breakdown(database.db, storeId, request.query.dimension, period),
          reportingCurrency(database.db, storeId, period),
        ]);
        const merged = report.mergeRows(rows, request.query.limit);
        return { dimension: request.query.dimension, ...merged };
      },
    );

    app.get(
      '/api/v1/analytics/cases',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Cases other than returns by kind, reason, carrier, route, product or supplier: counts, refunds, goodwill, replacements and hours to resolution; and the lost-parcel rate per carrier and route',
          querystring: z.strictObject({
            ...periodQuery,
            dimension: z.enum(CASE_DIMENSIONS).default('kind'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const period = periodOf(request.query);
        const [rows, report, byCarrier, byRoute] = await Promise.all([
          caseBreakdown(database.db, storeId, request.query.dimension, period),
          reportingCurrency(database.db, storeId, period),
          lostParcelRates(database.db, storeId, 'carrier', period),
          lostParcelRates(database.db, storeId, 'route', period),
        ]);
        return {
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          dimension: request.query.dimension,
          ...report.mergeCaseRows(rows, request.query.limit),
          lost_parcels: { by_carrier: byCarrier, by_route: byRoute },
        };
      },
    );

    app.get(
      '/api/v1/analytics/breakdown.csv',
      {
        schema: {
          tags: ['analytics'],
          summary: 'The breakdown as CSV, refunds in the reporting currency',
          querystring: z.strictObject({
            ...periodQuery,
            dimension: z.enum(DIMENSIONS),
            limit: z.coerce.number().int().min(1).max(5000).default(5000),
          }),
          produces: ['text/csv'],
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const period = periodOf(request.query);
        const [rows, report] = await Promise.all([
          breakdown(database.db, storeId, request.query.dimension, period),
          reportingCurrency(database.db, storeId, period),
        ]);
        const { currency, data } = report.mergeRows(rows, request.query.limit);
        const digits = minorUnitDigits(currency);
        const csv = stringify(
          data.map((r) => ({
            [request.query.dimension]: r.key,
            units_sold: r.units_sold,
            units_returned: r.units_returned,
            returns: r.returns,
            return_rate: r.return_rate === null ? '' : r.return_rate.toFixed(4),
            [`refunded_${currency}`]: (r.refunded / 10 ** digits).toFixed(digits),
            not_converted: r.refunded_unconverted
              .map(
                (u) =>
                  `${(u.amount / 10 ** minorUnitDigits(u.currency)).toFixed(minorUnitDigits(u.currency))} ${u.currency}`,
              )
              .join('; '),
          })),
          { header: true, bom: true },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="returns-by-${request.query.dimension}.csv"`)
          .send(csv);
      },
    );
  };
