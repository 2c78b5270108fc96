// The store a token belongs to (API.md part 2: GET /api/v1/store).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { getStore } from './stores.queries.ts';

const storeView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  currency: z.string(),
  time_zone: z.string(),
  languages: z.array(z.string()),
  return_address: z.object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postal_code: z.string().nullable(),
    country: z.string(),
  }),
});

export const storeRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/store',
      {
        schema: {
          tags: ['stores'],
          summary: "The token's store and its settings",
          response: { 200: storeView },
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const store = await getStore(database.db, actorOf(request).storeId);
        if (!store) throw new AppError('not_found', 'Store not found');
        return store;
      },
    );
  };
