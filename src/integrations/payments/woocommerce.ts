// Refunds for WooCommerce orders through the store's REST API (the official client), with
// `api_refund: true` so WooCommerce asks its payment gateway to send the money back. Woo refunds
// take no idempotency key: ours goes into the reason, and a retry first looks for a refund that
// carries it, so a lost answer never becomes a second refund.

import { minorToDecimal } from '../../domain/currency-digits.ts';
import type { wooClient } from '../woocommerce/read-orders.ts';
import type { PaymentProvider, RefundOutcome } from './provider.ts';

type Client = ReturnType<typeof wooClient>;
type J = Record<string, unknown>;

const statusOf = (err: unknown) => (err as { response?: { status?: number; data?: J } }).response;

export function wooRefundProvider(client: Client): PaymentProvider {
  return {
    code: 'woocommerce',
    async refund(req): Promise<RefundOutcome> {
      const orderId = /^woocommerce:(\d+)$/.exec(req.payment_reference ?? '')?.[1];
      if (!orderId)
        return {
          status: 'requires_action',
          reference: null,
          message: 'the payment names no WooCommerce order',
        };
      const mark = `[aftersale ${req.idempotency_key}]`;
      const earlier = (await client.get(`orders/${orderId}/refunds`, { per_page: 100 })) as { data: J[] };
      const found = earlier.data.find((r) => String(r.reason ?? '').includes(mark));
      if (found) return { status: 'succeeded', reference: String(found.id) };
      try {
        const res = (await client.post(`orders/${orderId}/refunds`, {
          amount: minorToDecimal(req.amount, req.currency),
          reason: `Refund from Aftersale ${mark}`,
          api_refund: true,
        })) as { data: J };
        return { status: 'succeeded', reference: String(res.data.id) };
      } catch (err) {
        const res = statusOf(err);
        // a refusal (the gateway cannot refund, the amount is too large) is definite; anything else
        // (network, 5xx) is retried by the job, and the retry finds a refund made meanwhile
        if (res?.status && res.status >= 400 && res.status < 500)
          return { status: 'failed', reference: null, message: String(res.data?.message ?? res.status) };
        throw err;
      }
    },
  };
}
