// Inbound webhook signatures, checked on the raw bytes before anything is parsed or stored, with a
// constant-time comparison. Each provider says who it is in its own headers; what a verified
// delivery carries (its id, topic, the object it is about) is read from them too.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_PROVIDERS = ['shopify', 'woocommerce', 'stripe', 'easypost'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

type Headers = Record<string, string | string[] | undefined>;

const header = (h: Headers, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const hmac = (secret: string, body: Buffer | string) => createHmac('sha256', secret).update(body).digest();

export interface Verified {
  /** the provider's delivery id (Stripe: the event id), unique per delivery */
  deliveryId: string;
  topic: string;
}

/**
 * The delivery's id and topic when the signature holds; null when it does not (or headers are
 * missing). Stripe's timestamp must be within `toleranceSeconds` of `now`.
 */
export function verifyWebhook(
  provider: WebhookProvider,
  secret: string,
  headers: Headers,
  body: Buffer,
  now = new Date(),
  toleranceSeconds = 300,
): Verified | null {
  switch (provider) {
    case 'shopify': {
      const sig = header(headers, 'x-shopify-hmac-sha256');
      const id = header(headers, 'x-shopify-webhook-id');
      const topic = header(headers, 'x-shopify-topic');
      if (!sig || !id || !topic) return null;
      return same(Buffer.from(sig, 'base64'), hmac(secret, body)) ? { deliveryId: id, topic } : null;
    }
    case 'woocommerce': {
      const sig = header(headers, 'x-wc-webhook-signature');
      const id = header(headers, 'x-wc-webhook-delivery-id');
      const topic = header(headers, 'x-wc-webhook-topic');
      if (!sig || !id || !topic) return null;
      return same(Buffer.from(sig, 'base64'), hmac(secret, body)) ? { deliveryId: id, topic } : null;
    }
    case 'stripe': {
      const sig = header(headers, 'stripe-signature');
      if (!sig) return null;
      const parts = sig.split(',').map((p) => p.split('=') as [string, string]);
      const t = parts.find(([k]) => k === 't')?.[1];
      const v1 = parts.filter(([k]) => k === 'v1').map(([, v]) => v);
      if (!t || !/^\d+$/.test(t) || v1.length === 0) return null;
      if (Math.abs(now.getTime() / 1000 - Number(t)) > toleranceSeconds) return null;
      const expected = hmac(secret, Buffer.concat([Buffer.from(`${t}.`), body]));
      if (!v1.some((v) => /^[0-9a-f]+$/i.test(v) && same(Buffer.from(v, 'hex'), expected))) return null;
      const event = parse(body);
      return typeof event?.id === 'string' && typeof event.type === 'string'
        ? { deliveryId: event.id, topic: event.type }
        : null;
    }
    case 'easypost': {
      const sig = header(headers, 'x-hmac-signature');
      const prefix = 'hmac-sha256-hex=';
      if (!sig?.startsWith(prefix)) return null;
      const given = sig.slice(prefix.length);
      if (!/^[0-9a-f]+$/i.test(given) || !same(Buffer.from(given, 'hex'), hmac(secret, body))) return null;
      const event = parse(body);
      return typeof event?.id === 'string' && typeof event.description === 'string'
        ? { deliveryId: event.id, topic: event.description }
        : null;
    }
  }
}

function parse(body: Buffer): Record<string, unknown> | null {
  try {
    const v = JSON.parse(body.toString('utf8'));
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** Signs a body the way the provider would: for tests and the console's "send a test delivery". */
export function signAs(
  provider: WebhookProvider,
  secret: string,
  body: Buffer,
  now = new Date(),
): Record<string, string> {
  switch (provider) {
    case 'shopify':
      return { 'x-shopify-hmac-sha256': hmac(secret, body).toString('base64') };
    case 'woocommerce':
      return { 'x-wc-webhook-signature': hmac(secret, body).toString('base64') };
    case 'stripe': {
      const t = Math.floor(now.getTime() / 1000);
      return {
        'stripe-signature': `t=${t},v1=${hmac(secret, Buffer.concat([Buffer.from(`${t}.`), body])).toString('hex')}`,
      };
    }
    case 'easypost':
      return { 'x-hmac-signature': `hmac-sha256-hex=${hmac(secret, body).toString('hex')}` };
  }
}
