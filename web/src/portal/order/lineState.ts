// What the order page says about each line, from the order, the engine's decision (for a change of
// mind, today) and the order's returns. Pure, so the rules read in one place.
import type { LineDecision, OrderAnswer, OrderLine, PortalReturn } from '../api/types.ts';

const OPEN = (r: PortalReturn) => r.status !== 'rejected' && r.status !== 'canceled';

export type LineState =
  | { kind: 'not_delivered'; line: OrderLine; decision: LineDecision | null }
  | { kind: 'in_return'; line: OrderLine; returns: PortalReturn[] }
  | {
      kind: 'returnable' | 'not_returnable';
      line: OrderLine;
      decision: LineDecision;
      /** units still free to return */
      remaining: number;
      /** units in open returns of this order */
      taken: number;
      returns: PortalReturn[];
    };

export function lineStates(answer: OrderAnswer): LineState[] {
  return answer.order.lines.map((line) => {
    const returns = answer.returns.filter((r) => OPEN(r) && r.lines.some((l) => l.line_id === line.id));
    const taken = returns.reduce(
      (sum, r) => sum + (r.lines.find((l) => l.line_id === line.id)?.quantity ?? 0),
      0,
    );
    const decision = answer.eligibility.lines.find((d) => d.line_id === line.id) ?? null;
    if (!line.delivered_at) return { kind: 'not_delivered', line, decision };
    // The engine leaves out a line whose every unit is already in a return.
    if (!decision || decision.quantity === 0) return { kind: 'in_return', line, returns };
    return {
      kind: decision.eligible ? 'returnable' : 'not_returnable',
      line,
      decision,
      remaining: decision.quantity,
      taken,
      returns,
    };
  });
}

/** Lines a request may start from: delivered, with units left. A line past the change-of-mind window
 * is included: a fault can still be reported for it, and the wizard asks the engine per reason. */
export function startableLines(states: LineState[]) {
  return states.flatMap((s) =>
    s.kind === 'returnable' || s.kind === 'not_returnable' ? [{ line: s.line, remaining: s.remaining }] : [],
  );
}

/** Withdrawal (EU/UK) makes sense while some line can still go back for a change of mind. */
export function canWithdraw(answer: OrderAnswer): boolean {
  return (
    answer.order.withdrawal_available && answer.eligibility.lines.some((l) => l.eligible && l.quantity > 0)
  );
}

/**
 * Reasons that say whether an item can come back and until when: true whatever the customer goes on
 * to choose. Everything else the engine says on the order page (the original delivery refunded
 * "since you are returning your whole order", fees, who pays the return, a person's review) holds
 * only for a choice not yet made, and is said on the review step once it is made. A list of what
 * may show rather than what may not, so a new conditional reason stays off this page.
 */
const ABOUT_THE_ITEM = new Set([
  'legal_floor',
  'legal_extension_not_informed',
  'legal_period_not_informed',
  'window_open_until_last_parcel',
  'store_window',
  'exempt_personalized',
  'exempt_perishable',
  'exempt_sealed_hygiene',
  'exempt_sealed_media',
  'exempt_digital',
  'final_sale',
  'final_sale_statutory_right',
  'store_exclusion_overridden',
  'not_returnable_rule',
  'outside_window',
  'within_window',
  'return_right_waived',
]);

export function itemReasons<E extends { code: string }>(explanations: E[]): E[] {
  return explanations.filter((e) => ABOUT_THE_ITEM.has(e.code));
}
