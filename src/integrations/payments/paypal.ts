// PayPal through its REST API, written from PayPal's published OpenAPI specifications: the official
// SDK (@paypal/paypal-server-sdk) knows only its own two addresses, so it cannot be pointed at a
// stand-in. Three calls: an OAuth2 client-credentials token, a capture refund with our key as
// `PayPal-Request-Id` (PayPal answers a repeated id with the first refund), and the verification of a
// webhook delivery by PayPal itself (`verify-webhook-signature`).
import { minorToDecimal } from '../../domain/currency-digits.ts';
import type { PaymentProvider, RefundOutcome } from './provider.ts';

export interface PayPalSettings {
  /** "client_id:client_secret" of the store's PayPal REST app */
  apiKey: string;
  baseUrl: string | null;
}

const LIVE = 'https://api-m.paypal.com';
const TIMEOUT = 30_000;

export class PayPalClient {
  private token: { value: string; until: number } | null = null;
  private readonly base: string;
  constructor(private readonly settings: PayPalSettings) {
    this.base = (settings.baseUrl ?? LIVE).replace(/\/$/, '');
  }

  private async bearer(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const res = await fetch(`${this.base}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(this.settings.apiKey).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(TIMEOUT),
    });
    if (!res.ok) throw new Error(`PayPal token: ${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
    return body.access_token;
  }

  /** Asks for a token: PayPal refuses credentials it does not know. */
  async checkCredentials(): Promise<void> {
    this.token = null;
    await this.bearer();
  }

  async post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.bearer()}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { message: text };
    }
    return { status: res.status, body: parsed };
  }

  /** PayPal's own check of a delivery: the transmission headers, our webhook id, the event as sent. */
  async verifyWebhook(
    headers: Record<string, string | undefined>,
    webhookId: string,
    event: unknown,
  ): Promise<boolean> {
    const need = [
      'paypal-auth-algo',
      'paypal-cert-url',
      'paypal-transmission-id',
      'paypal-transmission-sig',
      'paypal-transmission-time',
    ];
    if (need.some((h) => !headers[h])) return false;
    const res = await this.post('/v1/notifications/verify-webhook-signature', {
      auth_algo: headers['paypal-auth-algo'],
      cert_url: headers['paypal-cert-url'],
      transmission_id: headers['paypal-transmission-id'],
      transmission_sig: headers['paypal-transmission-sig'],
      transmission_time: headers['paypal-transmission-time'],
      webhook_id: webhookId,
      webhook_event: event,
    });
    return res.status === 200 && res.body.verification_status === 'SUCCESS';
  }
}

export function paypalProvider(client: PayPalClient): PaymentProvider {
  return {
    code: 'paypal',
    async refund(req): Promise<RefundOutcome> {
      // the payment's reference is the capture id (what PayPal's checkout answers when it captures)
      const capture = req.payment_reference;
      if (!capture)
        return { status: 'requires_action', reference: null, message: 'the payment names no PayPal capture' };
      const res = await client.post(
        `/v2/payments/captures/${encodeURIComponent(capture)}/refund`,
        {
          amount: { value: minorToDecimal(req.amount, req.currency), currency_code: req.currency },
          // our key rides on the refund, so PayPal's webhook about it is known as ours
          custom_id: req.idempotency_key,
          note_to_payer: 'Refund',
        },
        { 'paypal-request-id': req.idempotency_key, prefer: 'return=representation' },
      );
      if (res.status >= 500) throw new Error(`PayPal refund: ${res.status}`);
      if (res.status >= 400)
        return {
          status: 'failed',
          reference: null,
          message: String(res.body.message ?? res.body.name ?? res.status),
        };
      const status = String(res.body.status);
      const reference = String(res.body.id);
      if (status === 'COMPLETED') return { status: 'succeeded', reference };
      if (status === 'FAILED' || status === 'CANCELLED')
        return {
          status: 'failed',
          reference,
          message: String((res.body.status_details as { reason?: string })?.reason ?? status),
        };
      return { status: 'pending', reference };
    },
  };
}
