// The policy engine: given a store's policy, an order, a request and a moment, it decides per line
// whether the item can come back, by which path, until when, at what cost to whom, with which
// resolutions and why. Pure and deterministic: no I/O, no clock (the moment is `req.at`).

import { NO_RATES } from '../currency.ts';
import { jurisdictionFor } from '../jurisdictions.ts';
import { deliveredQuantities, lastDeliveredAt, type Order } from '../order.ts';
import { orderAmounts } from './amounts.ts';
import { draftLine, implicitLines, type Run } from './draft-line.ts';
import { makeExplainer } from './explain.ts';
import type { Draft } from './offer.ts';
import { pricePolicy } from './pricing.ts';
import {
  breakdown,
  capRefunds,
  computeFees,
  type RefundEnv,
  refundShipping,
  sumBreakdowns,
} from './refund.ts';
import { lineVerdict, resolutionMoney, reviewReasons } from './review.ts';
import type { Decision, DecisionContext, DecisionRequest } from './types.ts';
import { localDate } from './windows.ts';

export type * from './types.ts';

function prepare(ctx: DecisionContext, req: DecisionRequest): Run {
  const { order } = ctx;
  // every amount of the policy in the order's currency, at the store's rate of the decision's day
  const pricing = pricePolicy(ctx.policy, order.currency, ctx.rates ?? NO_RATES, req.at.slice(0, 10));
  const { policy } = pricing;
  const country = order.shipping_address.country.toUpperCase();
  const jurisdiction = jurisdictionFor(country);
  const explain = makeExplainer({
    language: ctx.language,
    currency: order.currency,
    timeZone: ctx.timeZone,
    policyVersion: ctx.policyVersion,
  });
  const delivered = deliveredQuantities(order);
  const taken = new Map<string, number>();
  for (const p of ctx.prior) taken.set(p.lineId, (taken.get(p.lineId) ?? 0) + p.quantity);
  const last = lastDeliveredAt(order);
  let fullyDelivered = true;
  const index = new Map<string, number>();
  for (let i = 0; i < order.lines.length; i++) {
    const l = order.lines[i] as Order['lines'][number];
    index.set(l.id, i);
    if ((delivered.get(l.id) ?? 0) + (l.cancelled_quantity ?? 0) < l.quantity) fullyDelivered = false;
  }
  const termsDisclosed = order.return_terms_disclosed;
  return {
    ctx,
    req,
    pricing,
    env: {
      policy,
      jurisdiction,
      explain,
      atMs: Date.parse(req.at),
      timeZone: ctx.timeZone,
      deliveryDate: last ? localDate(last, ctx.timeZone) : '',
      fullyDelivered,
      termsDisclosed,
    },
    offer: { policy, jurisdiction, explain, termsDisclosed, returnCosts: ctx.returnCosts },
    explain,
    amounts: orderAmounts(order),
    delivered,
    taken,
    index,
    country,
    delivered_any: last !== null,
  };
}

/** Shipping refunds, fees (never taking a line below zero) and the order's refund ceiling. */
function settle(run: Run, eligible: Draft[]): void {
  const { ctx, req } = run;
  let wholeOrder = true;
  for (const l of ctx.order.lines) if ((run.taken.get(l.id) ?? 0) < l.quantity) wholeOrder = false;
  const { policy, jurisdiction, explain, termsDisclosed } = run.offer;
  const refundEnv: RefundEnv = {
    policy,
    jurisdiction,
    explain,
    termsDisclosed,
    amounts: run.amounts,
    wholeOrder,
  };
  const shipping = refundShipping(refundEnv, ctx, eligible);
  const fees = computeFees(refundEnv, run.pricing, req, eligible);
  for (let i = 0; i < eligible.length; i++) {
    const d = eligible[i] as Draft;
    const ship = shipping[i] ?? 0;
    const gross = d.share.items + d.share.tax + ship;
    const restocking = Math.min(fees.restocking[i] ?? 0, gross);
    const returnShipping = Math.min(fees.shipping[i] ?? 0, gross - restocking);
    d.out.fees = { restocking, return_shipping: returnShipping };
    d.out.refund = breakdown(d.share.items, d.share.tax, ship, restocking + returnShipping);
  }
  capRefunds(refundEnv, ctx, eligible);
}

export function decide(ctx: DecisionContext, req: DecisionRequest): Decision {
  const run = prepare(ctx, req);
  const requested = req.lines ?? implicitLines(ctx.order, run.delivered, run.taken);
  const drafts: Draft[] = [];
  const eligible: Draft[] = [];
  for (const r of requested) {
    const d = draftLine(run, r);
    drafts.push(d);
    if (d.out.eligible) eligible.push(d);
  }
  settle(run, eligible);

  const totals = sumBreakdowns(eligible.map((d) => d.out.refund));
  const policy = run.pricing.policy;
  const verdicts = drafts.map((d) => lineVerdict(policy, d));
  drafts.forEach((d, i) => {
    d.out.auto_approve = verdicts[i]?.ok ?? false;
  });
  const review = reviewReasons(run.explain, run.pricing, ctx, verdicts, totals);
  const allEligible = drafts.length > 0 && eligible.length === drafts.length;
  return {
    policy_version: ctx.policyVersion,
    currency: ctx.order.currency,
    lines: drafts.map((d) => d.out),
    totals,
    eligible: allEligible,
    auto_approve: allEligible && review.length === 0,
    review_reasons: review,
    ...(allEligible ? resolutionMoney(policy, req, drafts, totals) : {}),
  };
}
