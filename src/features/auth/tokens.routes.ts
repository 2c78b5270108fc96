import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { ROLES } from '../../domain/roles.ts';
import { actorOf } from '../../http/auth.ts';
import { revokeApiToken } from './revoke-token.ts';
import { forgetTokens } from './token-cache.ts';
import { listTokens } from './tokens.queries.ts';
import { createApiToken } from './tokens.ts';

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});

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

    app.get(
      '/api/v1/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: "The store's API tokens, newest first (never their secrets)",
          response: { 200: z.object({ data: z.array(tokenView), next_cursor: z.null() }) },
        },
        config: { permission: 'tokens.write' },
      },
      async (request) => ({
        data: await listTokens(database.db, actorOf(request).storeId),
        next_cursor: null,
      }),
    );

    app.post(
      '/api/v1/tokens/:id/revoke',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke an API token: it stops working at once (revoking twice is harmless)',
          params: z.object({ id: z.uuid() }),
          response: { 200: tokenView },
        },
        config: { permission: 'tokens.write' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const revoked = await database.db
          .transaction()
          .execute((trx) => revokeApiToken(trx, storeId, request.params.id));
        // other processes hear it from the database; this one forgets without waiting
        forgetTokens();
        return revoked;
      },
    );
  };
