// One requested line through validation, eligibility and its offer. Module-level functions rather
// than closures inside decide(): they run once per line on the hot path.

import type { Order } from '../order.ts';
import { pathForReason } from '../reasons.ts';
import { type OrderAmounts, unitShare } from './amounts.ts';
import { type EligibilityEnv, lineEligibility } from './eligibility.ts';
import type { Explainer } from './explain.ts';
import {
  type Draft,
  keepItemOffer,
  type OfferEnv,
  requestRefusal,
  resolutionsFor,
  returnShippingPayer,
} from './offer.ts';
import { conversionNote } from './price-notes.ts';
import type { PricedPolicy } from './pricing.ts';
import { breakdown } from './refund.ts';
import { resolveEffects } from './rules.ts';
import type { DecisionContext, DecisionRequest, RequestLine } from './types.ts';

/** What every line of one decision shares. */
export interface Run {
  ctx: DecisionContext;
  req: DecisionRequest;
  /** the policy with its amounts in the order's currency, and how they were priced */
  pricing: PricedPolicy;
  env: EligibilityEnv;
  offer: OfferEnv;
  explain: Explainer;
  amounts: OrderAmounts;
  delivered: Map<string, number>;
  /** units taken per line: earlier returns, then the eligible lines of this request */
  taken: Map<string, number>;
  index: Map<string, number>;
  country: string;
  delivered_any: boolean;
}

const NO_SHARE = Object.freeze({ items: 0, tax: 0, shipping: 0 });
const NONE: readonly string[] = Object.freeze([]);

function lineTags(ctx: DecisionContext, lineId: string): readonly string[] {
  const order = ctx.tags?.order;
  const line = ctx.tags?.lines?.[lineId];
  if (!line) return order ?? NONE;
  return order ? [...order, ...line] : line;
}

function refuse(run: Run, d: Draft, code: string, params: Record<string, string | number> = {}): Draft {
  d.out.explanations.push(run.explain.store(code, params));
  return d;
}

function newDraft(run: Run, r: RequestLine): Draft {
  const { policy } = run.env;
  const reason = r.reason ?? run.req.reason;
  const path = pathForReason(reason);
  const idx = run.index.get(r.lineId) ?? -1;
  return {
    out: {
      line_id: r.lineId,
      quantity: r.quantity,
      eligible: false,
      path,
      deadline: null,
      return_shipping_paid_by: path === 'seller_fault' ? 'merchant' : policy.change_of_mind.return_shipping,
      fees: { restocking: 0, return_shipping: 0 },
      refund: breakdown(0, 0, 0, 0),
      resolutions: [],
      keep_item: false,
      auto_approve: false,
      evidence_required:
        path === 'seller_fault' && (policy.seller_fault.evidence_required_for as string[]).includes(reason),
      explanations: [],
    },
    line: run.ctx.order.lines[idx] ?? null,
    idx,
    reason,
    opened: r.opened ?? false,
    effects: {},
    from: 0,
    share: NO_SHARE,
    refundRequiredBy: null,
    statutory: false,
    exchangeUnitPrice: null,
  };
}

export function draftLine(run: Run, r: RequestLine): Draft {
  const d = newDraft(run, r);
  const { line } = d;
  const { explain, offer } = run;
  if (!line) return refuse(run, d, 'unknown_line', { line_id: r.lineId });
  if (!Number.isSafeInteger(r.quantity) || r.quantity < 1)
    return refuse(run, d, 'quantity_invalid', { quantity: r.quantity });
  const before = run.taken.get(line.id) ?? 0;
  const returnable = (run.delivered.get(line.id) ?? 0) - before;
  if (r.quantity > line.quantity - before)
    return refuse(run, d, 'quantity_exceeds_remaining', {
      quantity: r.quantity,
      remaining: Math.max(0, returnable),
    });
  if (r.quantity > returnable || !run.delivered_any) return refuse(run, d, 'not_delivered');

  d.effects = resolveEffects(run.env.policy.rules, {
    path: d.out.path,
    reason: d.reason,
    category: line.category,
    flags: line.flags,
    tags: lineTags(run.ctx, line.id),
    segments: run.ctx.order.customer.segments,
    country: run.country,
    orderValue: run.amounts.orderValue,
  });
  const el = lineEligibility(run.env, line, d.out.path, d.opened, d.effects);
  d.statutory = el.statutory;
  const payer = returnShippingPayer(offer, d);
  d.out.return_shipping_paid_by = payer.payer;
  d.out.explanations = el.explanations;
  d.out.deadline = el.deadline;
  if (!el.eligible) return d;
  if (d.out.evidence_required) d.out.explanations.push(explain.store('evidence_required'));

  d.from = before;
  d.share = unitShare(run.amounts, line, d.idx, before, r.quantity);
  d.refundRequiredBy = el.refundRequiredBy;
  // who pays the parcel only matters when there is one
  const shipped = run.req.resolution?.type !== 'keep_item' && run.req.method !== 'in_store';
  if (shipped) d.out.explanations.push(payer.why);
  const keep = keepItemOffer(offer, d);
  if (keep) d.out.explanations.push(keep);
  if (keep?.code === 'keep_item_low_value') {
    const note = conversionNote(explain, run.pricing, 'keep_item.max_unit_value');
    if (note) d.out.explanations.push(note);
  }
  d.out.keep_item = keep !== null;
  const offered = resolutionsFor(offer, d, keep !== null);
  d.out.resolutions = offered.list;
  for (const why of offered.why) d.out.explanations.push(why);
  const refusal = requestRefusal(offer, run.ctx, run.req, d);
  if (refusal.why) {
    d.out.explanations.push(refusal.why);
    d.share = NO_SHARE;
    return d;
  }
  d.exchangeUnitPrice = refusal.unitPrice;
  d.out.eligible = true;
  run.taken.set(line.id, before + r.quantity);
  return d;
}

/** Without explicit lines: every line with what is left of it, delivered or (to say why not) not. */
export function implicitLines(
  order: Order,
  delivered: Map<string, number>,
  taken: Map<string, number>,
): RequestLine[] {
  const out: RequestLine[] = [];
  for (const l of order.lines) {
    const before = taken.get(l.id) ?? 0;
    const returnable = (delivered.get(l.id) ?? 0) - before;
    const left = l.quantity - before;
    if (returnable > 0) out.push({ lineId: l.id, quantity: returnable });
    else if (left > 0) out.push({ lineId: l.id, quantity: left });
  }
  return out;
}
