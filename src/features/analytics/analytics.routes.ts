import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
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
        const [series, health, refunds] = await Promise.all([
          timeseries(database.db, storeId, request.query.interval, period),
          processHealth(database.db, storeId, period),
          refundTotals(database.db, storeId, period),
        ]);
        return {
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          timeseries: series,
          health,
          refunds,
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
        return {
          dimension: request.query.dimension,
          data: await breakdown(database.db, storeId, request.query.dimension, period, request.query.limit),
        };
      },
    );
  };
