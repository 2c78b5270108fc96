import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { ROLES } from '../../domain/roles.ts';
import { actorOf } from '../../http/auth.ts';
import { createApiToken } from './tokens.ts';

export const tokenRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for this store (the secret is shown once)',
          body: z.strictObject({ name: z.string().min(1).max(100), role: z.enum(ROLES) }),
        },
        config: { permission: 'tokens.write' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const created = await database.db
          .transaction()
          .execute((trx) =>
            createApiToken(trx, { storeId: actor.storeId, role: request.body.role, name: request.body.name }),
          );
        return reply
          .status(201)
          .send({ id: created.id, name: request.body.name, role: request.body.role, token: created.token });
      },
    );
  };
