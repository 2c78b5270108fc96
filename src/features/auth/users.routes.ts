import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { listStaff } from './users.queries.ts';

export const userRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/users',
      {
        schema: { tags: ['auth'], summary: "The store's staff (for assigning cases), sorted by name" },
        config: { permission: 'read' },
      },
      async (request) => ({ data: await listStaff(database.db, actorOf(request).storeId) }),
    );
  };
