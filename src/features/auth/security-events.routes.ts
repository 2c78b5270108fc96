// What the store's owner should know about its accounts and portal: an account or an order locked
// after repeated wrong guesses (written by guess-limit.ts), newest first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { listSecurityEvents } from './guess.queries.ts';

export const securityEventRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/security-events',
      {
        schema: {
          tags: ['auth'],
          summary: 'Accounts and orders locked after repeated wrong guesses, newest first (owner)',
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        },
        config: { permission: 'security.read' },
      },
      async (request) => {
        const rows = await listSecurityEvents(database.db, actorOf(request).storeId, request.query.limit);
        return { data: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
      },
    );
  };
