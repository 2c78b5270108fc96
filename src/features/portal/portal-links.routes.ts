import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { revokePortalLinks } from './revoke-portal-links.ts';

export const portalLinkRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/orders/:id/portal-links/revoke',
      {
        schema: {
          tags: ['portal'],
          summary: 'Revoke every portal link of the order (the customer looks the order up again)',
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ order_id: z.string(), revoked: z.literal(true) }) },
        },
        config: { permission: 'orders.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        await database.db.transaction().execute((trx) => revokePortalLinks(trx, actor, request.params.id));
        return { order_id: request.params.id, revoked: true as const };
      },
    );
  };
