// A store's connections (API.md "Outside systems"): settings per provider with secrets sealed and
// never shown back, the deliveries received with what applying each did, a replay; and the public
// webhook intake, verified on the raw body before anything is stored.

import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { PayPalClient } from '../../integrations/payments/paypal.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { shopifyUpdatedAt } from '../../integrations/shopify/order-mapping.ts';
import {
  verifyWebhook,
  WEBHOOK_PROVIDERS,
  type WebhookProvider,
} from '../../integrations/webhooks/verify.ts';
import { wooUpdatedAt } from '../../integrations/woocommerce/order-mapping.ts';
import { enqueue } from '../../jobs/queue.ts';
import { findStoreBySlug } from '../stores/stores.queries.ts';
import {
  getDelivery,
  getIntegration,
  insertDelivery,
  listDeliveries,
  listIntegrations,
  recordOutcome,
  saveIntegration,
} from './integrations.queries.ts';
import { testConnection } from './test-connection.ts';
import { newEndpointSecret, replaySend, TOPICS } from './webhooks-out.ts';

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

type Json = Record<string, unknown>;

/** What a delivery is about, for ordering: the object's id and the provider's time of this version. */
function objectOf(
  provider: WebhookProvider | 'paypal',
  topic: string,
  body: Json,
): { id: string | null; at: Date | null } {
  if (provider === 'paypal') {
    const r = (body.resource as Json | undefined) ?? {};
    const id = r.dispute_id ?? r.id;
    const at = typeof r.update_time === 'string' ? new Date(r.update_time) : null;
    return { id: id === undefined ? null : String(id), at };
  }
  const data = (body.data as Json | undefined)?.object as Json | undefined;
  if (provider === 'shopify') {
    // a webhook body is the bare resource; an Admin API answer wraps it ({"order": …})
    const resource = (body.order as Json | undefined) ?? body;
    const id = topic.startsWith('orders/') ? resource.id : resource.order_id;
    const at = shopifyUpdatedAt(resource);
    return { id: id === undefined || id === null ? null : String(id), at: at ? new Date(at) : null };
  }
  if (provider === 'stripe' && data)
    return {
      id: String(data.id ?? ''),
      at: typeof body.created === 'number' ? new Date(body.created * 1000) : null,
    };
  if (provider === 'woocommerce')
    return {
      id: body.id === undefined ? null : String(body.id),
      at: wooUpdatedAt(body),
    };
  const result = body.result as Json | undefined;
  return {
    id: result?.id ? String(result.id) : null,
    at: typeof result?.updated_at === 'string' ? new Date(result.updated_at) : null,
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

    const endpointView = (e: {
      id: string;
      url: string;
      topics: string[];
      created_at: Date;
      failing_since: Date | null;
      disabled_at: Date | null;
      disabled_reason: string | null;
    }) => ({
      id: e.id,
      url: e.url,
      topics: e.topics,
      created_at: e.created_at.toISOString(),
      failing_since: e.failing_since?.toISOString() ?? null,
      disabled_at: e.disabled_at?.toISOString() ?? null,
      disabled_reason: e.disabled_reason,
    });

    app.post(
      '/api/v1/webhook-endpoints',
      {
        schema: {
          tags: ['integrations'],
          summary:
            "Subscribe one of the store's systems to events (signed webhooks out); the signing secret is shown once",
          description: `Topics: ${TOPICS.join(', ')}, or "*". Signed per Standard Webhooks: \`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">\` keyed with the base64 part of the secret. The body is \`{ id, type, timestamp, data: { case, order, detail } }\`. A failed send is retried with exponential backoff for a day, then the endpoint is disabled with the reason.`,
          body: z.strictObject({
            url: z.url({ protocol: /^https?$/ }).max(500),
            topics: z
              .array(z.enum(['*', ...TOPICS] as [string, ...string[]]))
              .min(1)
              .max(50),
          }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        if (!box.canSeal)
          throw new AppError(
            'invalid_request',
            'Webhook secrets cannot be kept: set AFTERSALE_SECRET_KEY on the server first',
            {
              errors: [{ path: 'url', message: 'needs AFTERSALE_SECRET_KEY' }],
            },
          );
        const secret = newEndpointSecret();
        const row = await database.db
          .insertInto('webhook_endpoints')
          .values({
            store_id: storeId,
            id: randomUUID(),
            url: request.body.url,
            topics: [...new Set(request.body.topics)],
            secret: box.seal(secret),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return reply.status(201).send({ ...endpointView(row), secret });
      },
    );

    app.get(
      '/api/v1/webhook-endpoints',
      {
        schema: {
          tags: ['integrations'],
          summary: "The store's webhook endpoints and their last attempts (never the secret)",
        },
        config: { permission: 'integrations.read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const rows = await database.db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .where('store_id', '=', storeId)
          .orderBy('created_at')
          .execute();
        const sends = rows.length
          ? await database.db
              .selectFrom('webhook_sends')
              .select([
                'id',
                'endpoint_id',
                'event_id',
                'event_type',
                'attempt',
                'status_code',
                'error',
                'at',
              ])
              .where('store_id', '=', storeId)
              .orderBy('id', 'desc')
              .limit(200)
              .execute()
          : [];
        return {
          data: rows.map((r) => ({
            ...endpointView(r),
            recent: sends
              .filter((s) => s.endpoint_id === r.id)
              .slice(0, 20)
              .map((s) => ({ ...s, endpoint_id: undefined, at: s.at.toISOString() })),
          })),
        };
      },
    );

    app.post(
      '/api/v1/webhook-endpoints/:id/sends/:sendId/replay',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Send a logged event again (and enable the endpoint again if failures had disabled it)',
          params: z.object({ id: z.uuid(), sendId: z.coerce.number().int().positive() }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const ok = await database.db
          .transaction()
          .execute((trx) => replaySend(trx, storeId, request.params.id, request.params.sendId));
        if (!ok) throw new AppError('not_found', 'Send not found');
        return reply.status(202).send({ status: 'queued' });
      },
    );

    app.delete(
      '/api/v1/webhook-endpoints/:id',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Stop sending to an endpoint',
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'integrations.write' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const done = await database.db
          .updateTable('webhook_endpoints')
          .set({ disabled_at: new Date() })
          .where('store_id', '=', storeId)
          .where('id', '=', request.params.id)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw new AppError('not_found', 'Endpoint not found');
        return reply.status(204).send();
      },
    );

    // The public intake: raw bytes only, so the signature is checked on exactly what was sent.
    await app.register(async (raw) => {
      raw.removeAllContentTypeParsers();
      raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
      raw.post(
        '/webhooks/:provider/:store',
        {
          schema: {
            tags: ['integrations'],
            summary:
              "Inbound webhook (Shopify, WooCommerce, Stripe, EasyPost verified on the raw body; PayPal by PayPal's verify-webhook-signature)",
            params: z.object({
              provider: z.enum([...WEBHOOK_PROVIDERS, 'paypal']),
              store: z.string().min(1).max(100),
            }),
          },
          config: { public: true },
        },
        async (request, reply) => {
          const { provider, store: slug } = request.params as {
            provider: WebhookProvider | 'paypal';
            store: string;
          };
          const body = request.body as Buffer;
          const unauthorized = new AppError('unauthorized', 'The webhook signature does not match');
          if (!Buffer.isBuffer(body)) throw unauthorized;
          const store = await findStoreBySlug(database.db, slug);
          const integration = store && (await getIntegration(database.db, store.id, provider));
          const secrets = integration?.secrets
            ? (JSON.parse(box.open(integration.secrets)) as Record<string, string>)
            : {};
          const secret = secrets.webhook_secret;
          let parsed: Json | null = null;
          let verified: { deliveryId: string; topic: string } | null = null;
          if (provider === 'paypal') {
            // PayPal signs with a certificate: PayPal itself checks the transmission, with the
            // webhook's id (kept as the integration's webhook_secret) and the event as sent
            try {
              parsed = JSON.parse(body.toString('utf8')) as Json;
            } catch {
              throw unauthorized;
            }
            const headers = Object.fromEntries(
              Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
            );
            const ok =
              store && secret && secrets.api_key
                ? await new PayPalClient({
                    apiKey: secrets.api_key,
                    baseUrl: integration?.base_url ?? null,
                  }).verifyWebhook(headers, secret, parsed)
                : false;
            if (ok && typeof parsed.id === 'string' && typeof parsed.event_type === 'string')
              verified = { deliveryId: parsed.id, topic: parsed.event_type };
          } else if (store && secret) verified = verifyWebhook(provider, secret, request.headers, body);
          // an unknown store, an unconfigured provider and a bad signature answer the same
          if (!store || !verified) throw unauthorized;
          if (!parsed)
            try {
              parsed = JSON.parse(body.toString('utf8')) as Json;
            } catch {
              throw new AppError('invalid_request', 'The body is not JSON');
            }
          const object = objectOf(provider, verified.topic, parsed);
          await database.db.transaction().execute(async (trx) => {
            const id = await insertDelivery(trx, {
              store_id: store.id,
              id: randomUUID(),
              provider,
              delivery_id: verified.deliveryId,
              topic: verified.topic,
              object_id: object.id,
              object_updated_at: object.at && !Number.isNaN(object.at.getTime()) ? object.at : null,
              body: body.toString('utf8'),
            });
            if (id) await enqueue(trx, store.id, 'webhooks.apply', { delivery_id: id });
          });
          return reply.status(200).send({ received: true });
        },
      );
    });
  };
