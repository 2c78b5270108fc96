// The public webhook intake: raw bytes only, so a signature is checked on exactly what was sent,
// before anything is read or stored; a verified delivery is kept once per delivery id and applied
// by a job (apply-delivery.ts).
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
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
import { getIntegration, insertDelivery } from './integrations.queries.ts';

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

export const webhookIntakeRoutes =
  (database: Database, box: SecretBox): FastifyPluginAsync =>
  async (app) => {
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
