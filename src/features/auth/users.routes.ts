import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { deactivateUser } from './manage-users.ts';
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

    app.delete(
      '/api/v1/users/:id',
      {
        schema: {
          tags: ['auth'],
          summary: 'Deactivate a staff user: no more sign-in, sessions end, the name stays on timelines',
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'users.write' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await database.db.transaction().execute((trx) => deactivateUser(trx, actor, request.params.id));
        return reply.status(204).send();
      },
    );
  };
