// Approve at once or queue for a person, and the money of the chosen resolution.

import { percentOf } from '../money.ts';
import type { Explainer } from './explain.ts';
import type { Draft } from './offer.ts';
import type { Policy } from './policy.schema.ts';
import { conversionNote, unavailableNote, unpriced } from './price-notes.ts';
import type { PricedPolicy } from './pricing.ts';
import type { Breakdown, Decision, DecisionContext, DecisionRequest, Explanation } from './types.ts';

type Verdict = { ok: true } | { ok: false; code: string; rule: number | null };

/** A line approves itself when eligible and its rule, the reason and the evidence allow. A rule's
 *  `auto_approve` decides for its lines; the order-level checks (segments, ceiling) still apply. */
export function lineVerdict(policy: Policy, d: Draft): Verdict {
  if (!d.out.eligible) return { ok: false, code: 'review_not_eligible', rule: null };
  const rule = d.effects.auto_approve;
  if (rule) return rule.value ? { ok: true } : { ok: false, code: 'review_rule', rule: rule.rule };
  const reasons = policy.auto_approve.reasons;
  // photos must be looked at, unless the store lists the reason for approval explicitly
  if (d.out.evidence_required && !reasons.includes(d.reason))
    return { ok: false, code: 'review_evidence', rule: null };
  if (reasons.length > 0 && !reasons.includes(d.reason))
    return { ok: false, code: 'review_reason', rule: null };
  return { ok: true };
}

export function reviewReasons(
  x: Explainer,
  pricing: PricedPolicy,
  ctx: DecisionContext,
  verdicts: Verdict[],
  totals: Breakdown,
): Explanation[] {
  const { policy } = pricing;
  const out: Explanation[] = [];
  if (verdicts.length === 0) out.push(x.store('nothing_to_return'));
  // each reason once: a decision has few lines, so the earlier verdicts are searched, not hashed
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i] as Verdict;
    if (v.ok) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) {
      const w = verdicts[j] as Verdict;
      seen = !w.ok && w.code === v.code && w.rule === v.rule;
    }
    if (!seen) out.push(x.store(v.code, {}, v.rule));
  }
  const excluded = policy.auto_approve.exclude_segments;
  const segment = ctx.order.customer.segments.find((s) => excluded.includes(s));
  if (segment !== undefined) out.push(x.store('review_segment', { segment }));
  const max = policy.auto_approve.max_refund;
  if (unpriced(pricing, 'auto_approve.max_refund'))
    out.push(unavailableNote(x, pricing, 'auto_approve.max_refund', 'review_limit_unavailable'));
  else if (max !== null && totals.total > max) {
    out.push(x.store('review_over_limit', { total: totals.total, max_refund: max }));
    const note = conversionNote(x, pricing, 'auto_approve.max_refund');
    if (note) out.push(note);
  }
  return out;
}

export function resolutionMoney(
  policy: Policy,
  req: DecisionRequest,
  drafts: Draft[],
  totals: Breakdown,
): Pick<Decision, 'store_credit' | 'exchange'> {
  const type = req.resolution?.type;
  if (type === 'store_credit') {
    const bonus = percentOf(totals.total, policy.store_credit_bonus_percent);
    return { store_credit: { bonus, total: totals.total + bonus } };
  }
  if (type !== 'exchange') return {};
  let difference = 0;
  for (const d of drafts) {
    if (!d.out.eligible || !d.line || d.exchangeUnitPrice === null) continue;
    difference += (d.exchangeUnitPrice - d.line.unit_price) * d.out.quantity;
  }
  // Fees the customer bears (a label they pay for) count against them as in a refund: they raise
  // what a dearer variant costs and lower what a cheaper one gives back.
  const net = difference + totals.fees;
  // a cheaper variant refunds the difference, never more than the returned units are worth
  const refund = Math.min(Math.max(0, -net), totals.total);
  // `fees` apart from the price difference, so a same-priced size is never shown as a difference
  return { exchange: { difference, fees: totals.fees, due_from_customer: Math.max(0, net), refund } };
}
