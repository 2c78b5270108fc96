// Stripe refunds through the official client. Our key goes as Stripe's Idempotency-Key, so a
// retried job never refunds twice; the refund is made against the payment's charge (ch_…) or
// payment intent (pi_…). A definite refusal from Stripe (the charge is already refunded, the amount
// too large) is a failed refund; a network error or a 5xx is thrown, and the job retries.
import type Stripe from 'stripe';
import { lazy, requireModule } from '../lazy.ts';
import type { PaymentProvider, RefundOutcome } from './provider.ts';

export interface StripeSettings {
  apiKey: string;
  /** another address than api.stripe.com (a local stand-in in tests) */
  baseUrl: string | null;
}

/** The official client's class, loaded on first use (lazy.ts). */
export const StripeClient = lazy(() => requireModule('stripe') as typeof Stripe);

export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const url = settings.baseUrl ? new URL(settings.baseUrl) : null;
  const client = new (StripeClient())(settings.apiKey, {
    maxNetworkRetries: 0,
    timeout: 30_000,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
          protocol: url.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
  return {
    code: 'stripe',
    async refund(req): Promise<RefundOutcome> {
      const ref = req.payment_reference;
      if (!ref)
        return {
          status: 'requires_action',
          reference: null,
          message: 'the payment names no Stripe charge or payment intent',
        };
      try {
        const refund = await client.refunds.create(
          {
            ...(ref.startsWith('pi_') ? { payment_intent: ref } : { charge: ref }),
            amount: req.amount,
            metadata: { aftersale_key: req.idempotency_key, reason: req.reason },
          },
          { idempotencyKey: req.idempotency_key },
        );
        if (refund.status === 'succeeded') return { status: 'succeeded', reference: refund.id };
        if (refund.status === 'failed' || refund.status === 'canceled')
          return { status: 'failed', reference: refund.id, message: refund.failure_reason ?? refund.status };
        // pending or requires_action at Stripe: its webhook (refund.updated) says how it ends
        return { status: 'pending', reference: refund.id };
      } catch (err) {
        if (
          err instanceof StripeClient().errors.StripeInvalidRequestError ||
          err instanceof StripeClient().errors.StripeCardError
        )
          return { status: 'failed', reference: null, message: err.message };
        throw err;
      }
    },
  };
}
