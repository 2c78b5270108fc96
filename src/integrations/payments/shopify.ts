// Refunds for stores that take payment in Shopify: through the Admin API against the order's
// captured transaction (a sale or a capture). Shopify's REST refunds take no idempotency key, so our
// key goes into the refund's note and a retry first looks for a refund that carries it: a call that
// did refund before its worker died is recognised, never sent twice.
import type { AdminRestApiClient } from '@shopify/admin-api-client';
import { minorToDecimal } from '../../domain/currency-digits.ts';
import type { PaymentProvider, RefundOutcome } from './provider.ts';

type J = Record<string, unknown>;

function outcomeOf(refund: J): RefundOutcome {
  const txs = (Array.isArray(refund.transactions) ? refund.transactions : []) as J[];
  const statuses = txs.map((t) => String(t.status));
  const reference = String(refund.id);
  if (statuses.length && statuses.every((s) => s === 'success')) return { status: 'succeeded', reference };
  if (statuses.some((s) => s === 'failure' || s === 'error'))
    return {
      status: 'failed',
      reference,
      message: String(txs.find((t) => t.message)?.message ?? 'refused by the gateway'),
    };
  return { status: 'pending', reference };
}

async function body(res: Response): Promise<J> {
  const text = await res.text();
  try {
    return JSON.parse(text) as J;
  } catch {
    return { errors: text };
  }
}

export function shopifyRefundProvider(client: AdminRestApiClient): PaymentProvider {
  return {
    code: 'shopify',
    async refund(req): Promise<RefundOutcome> {
      const orderId = /^shopify:(\d+)$/.exec(req.payment_reference ?? '')?.[1];
      if (!orderId)
        return { status: 'requires_action', reference: null, message: 'the payment names no Shopify order' };
      const mark = `[aftersale ${req.idempotency_key}]`;
      const earlier = await client.get(`orders/${orderId}/refunds`);
      if (earlier.status >= 500) throw new Error(`Shopify refunds: ${earlier.status}`);
      const found = ((await body(earlier)).refunds as J[] | undefined)?.find((r) =>
        String(r.note ?? '').includes(mark),
      );
      if (found) return outcomeOf(found);
      const txRes = await client.get(`orders/${orderId}/transactions`);
      if (txRes.status >= 500) throw new Error(`Shopify transactions: ${txRes.status}`);
      const transactions = ((await body(txRes)).transactions as J[] | undefined) ?? [];
      const parent = transactions
        .filter((t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success')
        .pop();
      if (!parent)
        return {
          status: 'requires_action',
          reference: null,
          message: 'the order has no captured payment in Shopify (only authorised?)',
        };
      // no automatic retry of the POST: a lost answer is found again by its note on the job's retry
      const res = await client.post(`orders/${orderId}/refunds`, {
        retries: 0,
        data: {
          refund: {
            currency: req.currency,
            note: `Refund from Aftersale ${mark}`,
            notify: true,
            transactions: [
              {
                parent_id: parent.id,
                amount: minorToDecimal(req.amount, req.currency),
                kind: 'refund',
                gateway: parent.gateway,
              },
            ],
          },
        },
      });
      const answer = await body(res);
      if (res.status >= 500) throw new Error(`Shopify refund: ${res.status}`);
      if (!res.ok)
        return { status: 'failed', reference: null, message: JSON.stringify(answer.errors ?? answer) };
      return outcomeOf((answer.refund as J) ?? {});
    },
  };
}
