// A store's connections (API.md "Outside systems"): settings per provider with secrets sealed and
// never shown back, the deliveries received with what applying each did, a replay; and the public
// webhook intake, verified on the raw body before anything is stored.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { enqueue } from '../../jobs/queue.ts';
import {
  getDelivery,
  getIntegration,
  listDeliveries,
  listIntegrations,
  recordOutcome,
  saveIntegration,
} from './integrations.queries.ts';
import { testConnection } from './test-connection.ts';

export const PROVIDERS = ['shopify', 'woocommerce', 'stripe', 'paypal', 'easypost'] as const;
const SECRET_NAMES = ['webhook_secret', 'api_key'] as const;

function view(row: {
  provider: string;
  base_url: string | null;
  shop_domain: string | null;
  secret_names: string[];
  updated_at: Date;
}) {
  return {
    provider: row.provider,
    base_url: row.base_url,
    shop_domain: row.shop_domain,
    // which secrets are set, never their values
    secrets_set: row.secret_names,
    updated_at: row.updated_at.toISOString(),
  };
}

export const integrationRoutes =
  (database: Database, box: SecretBox): FastifyPluginAsyncZod =>
  async (app) => {
    const providerParams = z.object({ provider: z.enum(PROVIDERS) });

    app.put(
      '/api/v1/integrations/:provider',
      {
        schema: {
          tags: ['integrations'],
          summary:
            'Connect a provider: secrets are sealed at rest (AFTERSALE_SECRET_KEY) and never shown back',
          description: 'A secret left out keeps its saved value; `null` removes it.',
          params: providerParams,
          body: z.strictObject({
            webhook_secret: z.string().min(8).max(500).nullable().optional(),
            api_key: z.string().min(8).max(2000).nullable().optional(),
            base_url: z.url().max(500).nullable().optional(),
            shop_domain: z.string().min(3).max(255).nullable().optional(),
          }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const { provider } = request.params;
        const body = request.body;
        return database.db.transaction().execute(async (trx) => {
          const before = await getIntegration(trx, storeId, provider);
          const secrets: Record<string, string> = before?.secrets ? JSON.parse(box.open(before.secrets)) : {};
          for (const name of SECRET_NAMES) {
            const v = body[name];
            if (v === null) delete secrets[name];
            else if (v !== undefined) secrets[name] = v;
          }
          const names = SECRET_NAMES.filter((n) => secrets[n] !== undefined);
          if (names.length && !box.canSeal)
            throw new AppError(
              'invalid_request',
              'Secrets cannot be stored: set AFTERSALE_SECRET_KEY (32 characters or more) on the server first',
              { errors: names.map((n) => ({ path: n, message: 'needs AFTERSALE_SECRET_KEY' })) },
            );
          await saveIntegration(trx, {
            store_id: storeId,
            provider,
            base_url: body.base_url === undefined ? (before?.base_url ?? null) : body.base_url,
            shop_domain: body.shop_domain === undefined ? (before?.shop_domain ?? null) : body.shop_domain,
            secrets: names.length ? box.seal(JSON.stringify(secrets)) : null,
            secret_names: names,
          });
          const saved = await getIntegration(trx, storeId, provider);
          if (!saved) throw new AppError('internal', 'integration not saved');
          return view(saved);
        });
      },
    );

    app.get(
      '/api/v1/integrations',
      {
        schema: { tags: ['integrations'], summary: "The store's connections (no secret is ever shown)" },
        config: { permission: 'integrations.read' },
      },
      async (request) => ({
        data: (await listIntegrations(database.db, actorOf(request).storeId)).map(view),
      }),
    );

    app.post(
      '/api/v1/integrations/:provider/test',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Test the connection: one cheap authenticated call with the saved settings',
          params: providerParams,
        },
        config: { permission: 'integrations.write' },
      },
      async (request) => testConnection(database, box, actorOf(request).storeId, request.params.provider),
    );

    app.get(
      '/api/v1/integrations/deliveries',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Webhook deliveries received, newest first, with what applying each did (or its error)',
          querystring: z.strictObject({
            provider: z.enum(PROVIDERS).optional(),
            failed: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
        },
        config: { permission: 'integrations.read' },
      },
      async (request) => {
        const q = request.query;
        const rows = await listDeliveries(
          database.db,
          actorOf(request).storeId,
          { provider: q.provider, failed: q.failed === 'true' },
          q.limit,
        );
        return {
          data: rows.map((r) => ({
            ...r,
            received_at: r.received_at.toISOString(),
            applied_at: r.applied_at?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/api/v1/integrations/deliveries/:id/replay',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Apply a delivery that failed again (after the cause was fixed)',
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        await database.db.transaction().execute(async (trx) => {
          const d = await getDelivery(trx, storeId, request.params.id);
          if (!d) throw new AppError('not_found', 'Delivery not found');
          if (d.applied_at) throw new AppError('illegal_transition', 'This delivery was applied already');
          await recordOutcome(trx, storeId, d.id, { outcome: null, error: null, applied: false });
          await enqueue(trx, storeId, 'webhooks.apply', { delivery_id: d.id });
        });
        return reply.status(202).send({ id: request.params.id, status: 'queued' });
      },
    );
  };
