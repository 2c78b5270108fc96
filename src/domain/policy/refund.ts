// The money of a return: original delivery cost refunded or not, fees, and the ceiling of what is
// left to refund on the order. Works on the eligible drafts in request order.

import { allocate, percentOf } from '../money.ts';
import type { OrderAmounts } from './amounts.ts';
import type { Draft, OfferEnv } from './offer.ts';
import { conversionNote, unavailableNote, unpriced } from './price-notes.ts';
import type { PricedPolicy } from './pricing.ts';
import type { Breakdown, DecisionContext, DecisionRequest } from './types.ts';

export interface RefundEnv extends OfferEnv {
  amounts: OrderAmounts;
  /** after this return, every unit of the order is in a return */
  wholeOrder: boolean;
}

/** Original delivery cost: all of what is left of it when an EU/EEA/UK customer withdraws from the
 *  whole order; the returned units' share for seller fault; otherwise nothing. */
export function refundShipping(env: RefundEnv, ctx: DecisionContext, drafts: Draft[]): number[] {
  const { explain: x, jurisdiction: j } = env;
  const left = Math.max(0, env.amounts.shippingTotal - ctx.shippingRefundedSoFar);
  const out = drafts.map(() => 0);
  if (env.amounts.shippingTotal === 0) return out;
  const full = j.changeOfMind.fullWithdrawalRefundsShipping;
  if (full && env.wholeOrder) {
    const parts = allocate(
      left,
      drafts.map((d) => d.share.shipping),
    );
    drafts.forEach((d, i) => {
      out[i] = parts[i] ?? 0;
      if (left > 0)
        d.out.explanations.push(x.law('shipping_refunded_withdrawal', full.source, { amount: out[i] ?? 0 }));
    });
    return out;
  }
  let budget = left;
  const faultSource = j.sellerFault.floor?.source;
  const allPaid = j.changeOfMind.refundsAllPaid;
  drafts.forEach((d, i) => {
    if (allPaid && d.statutory && d.out.path === 'change_of_mind') {
      const amount = Math.min(budget, d.share.shipping);
      budget -= amount;
      out[i] = amount;
      d.out.explanations.push(x.law('shipping_refunded_all_paid', allPaid.source, { amount }));
    } else if (d.out.path === 'seller_fault') {
      const amount = Math.min(budget, d.share.shipping);
      budget -= amount;
      out[i] = amount;
      const params = { amount };
      d.out.explanations.push(
        faultSource
          ? x.law('shipping_refunded_share', faultSource, params)
          : x.store('shipping_refunded_share', params),
      );
    } else if (full) d.out.explanations.push(x.law('shipping_not_refunded_partial', full.source));
    else d.out.explanations.push(x.store('shipping_not_refunded'));
  });
  return out;
}

/** Restocking fee per line and the return-shipping fee of the parcel, spread over its lines. */
export function computeFees(env: RefundEnv, pricing: PricedPolicy, req: DecisionRequest, drafts: Draft[]) {
  const { explain: x, jurisdiction: j, policy } = env;
  const cm = policy.change_of_mind;
  const keep = req.resolution?.type === 'keep_item';
  const allPaid = j.changeOfMind.refundsAllPaid;
  const restocking = drafts.map((d) => {
    if (keep || d.out.path !== 'change_of_mind') return 0;
    const rule = d.effects.restocking_fee_percent;
    const percent = rule?.value ?? cm.restocking_fee_percent;
    if (percent <= 0) return 0;
    if (allPaid && d.statutory) {
      d.out.explanations.push(x.law('fees_not_allowed_all_paid', allPaid.source, { percent }));
      return 0;
    }
    if (j.changeOfMind.noRestockingFee) {
      d.out.explanations.push(
        x.law('restocking_fee_not_allowed', j.changeOfMind.noRestockingFee.source, { percent }),
      );
      return 0;
    }
    if (cm.restocking_only_if_opened && !d.opened) {
      d.out.explanations.push(x.store('restocking_fee_unopened', { percent }, rule?.rule));
      return 0;
    }
    const amount = percentOf(d.share.items, percent);
    d.out.explanations.push(x.store('restocking_fee', { percent, amount }, rule?.rule));
    return amount;
  });
  const charged = drafts.filter(
    (d) =>
      !keep &&
      req.method === 'label' &&
      d.out.path === 'change_of_mind' &&
      d.out.return_shipping_paid_by === 'customer',
  );
  let fee = 0;
  let feeRule: number | null = null;
  for (const d of charged) {
    const f = d.effects.return_shipping_fee;
    const value = f?.value ?? cm.return_shipping_fee;
    // one parcel, one fee: the highest that applies to any of its lines
    if (value > fee) {
      fee = value;
      feeRule = f?.rule ?? null;
    }
  }
  const parts =
    fee > 0
      ? allocate(
          fee,
          charged.map((d) => d.share.items),
        )
      : [];
  const position = new Map(charged.map((d, i) => [d, i]));
  const feePath = feeRule
    ? `rules.${feeRule}.then.return_shipping_fee`
    : 'change_of_mind.return_shipping_fee';
  // a fee the policy cannot state in this currency is not charged, and the customer is told why
  const unpricedRule = charged.find((d) => {
    const r = d.effects.return_shipping_fee?.rule;
    return r !== undefined && unpriced(pricing, `rules.${r}.then.return_shipping_fee`);
  });
  const missing =
    fee === 0 && charged.length > 0
      ? unpricedRule
        ? `rules.${unpricedRule.effects.return_shipping_fee?.rule}.then.return_shipping_fee`
        : charged.every((d) => d.effects.return_shipping_fee === undefined) &&
            unpriced(pricing, 'change_of_mind.return_shipping_fee')
          ? 'change_of_mind.return_shipping_fee'
          : null
      : null;
  const converted = fee > 0 ? conversionNote(x, pricing, feePath) : null;
  const shipping = drafts.map((d) => {
    const at = position.get(d);
    if (at === undefined) return 0;
    if (missing)
      d.out.explanations.push(unavailableNote(x, pricing, missing, 'return_shipping_fee_unavailable'));
    if (fee === 0) return 0;
    d.out.explanations.push(x.store('return_shipping_fee', { fee }, feeRule));
    if (converted) d.out.explanations.push(converted);
    return parts[at] ?? 0;
  });
  return { restocking, shipping };
}

export function breakdown(items: number, tax: number, shipping: number, fees: number): Breakdown {
  return { items, tax, shipping, fees, total: items + tax + shipping - fees };
}

export function sumBreakdowns(parts: readonly Breakdown[]): Breakdown {
  const s = breakdown(0, 0, 0, 0);
  for (const p of parts) {
    s.items += p.items;
    s.tax += p.tax;
    s.shipping += p.shipping;
    s.fees += p.fees;
    s.total += p.total;
  }
  return s;
}

/** Never refund more than was paid minus what was already refunded: trims the last lines first. */
export function capRefunds(env: RefundEnv, ctx: DecisionContext, drafts: Draft[]): void {
  const available = Math.max(0, env.amounts.paid - ctx.refundedSoFar);
  let excess = drafts.reduce((s, d) => s + d.out.refund.total, 0) - available;
  for (let i = drafts.length - 1; i >= 0 && excess > 0; i--) {
    const d = drafts[i] as Draft;
    const r = d.out.refund;
    let cut = Math.min(excess, r.total);
    if (cut === 0) continue;
    excess -= cut;
    r.total -= cut;
    for (const k of ['shipping', 'tax', 'items'] as const) {
      const take = Math.min(cut, r[k]);
      r[k] -= take;
      cut -= take;
    }
    d.out.explanations.push(env.explain.store('refund_capped', { available }));
  }
}
