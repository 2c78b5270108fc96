// What a return finally pays out, from the decision taken at request time and what the warehouse
// found: units that never arrived are not paid for, inspection deductions come off, and the
// resolution turns the amount into money back, store credit or an exchange difference.
import { percentOf, unitRangeShare } from '../money.ts';
import type { Breakdown, Decision, ResolutionType } from '../policy/types.ts';

export interface SettlementLine {
  line_id: string;
  quantity: number;
  received_quantity: number;
  deduction: number;
  refund: Breakdown; // the line's decision, for all `quantity` units
}

export interface Settlement {
  breakdown: Breakdown & { deductions: number };
  /** money back to the customer's payment method */
  refund: number;
  /** store credit granted, bonus included */
  store_credit: number;
  store_credit_bonus: number;
  /** an exchange for a dearer item: what the customer still owes */
  due_from_customer: number;
}

const zero = (): Breakdown & { deductions: number } => ({
  items: 0,
  tax: 0,
  shipping: 0,
  fees: 0,
  deductions: 0,
  total: 0,
});

export function settleReturn(input: {
  resolution: ResolutionType;
  lines: SettlementLine[];
  decision: Pick<Decision, 'exchange'>;
  storeCreditBonusPercent: number;
}): Settlement {
  const keep = input.resolution === 'keep_item';
  const sum = zero();
  for (const l of input.lines) {
    const units = keep ? l.quantity : Math.min(l.received_quantity, l.quantity);
    const share = (v: number) => unitRangeShare(v, l.quantity, 0, units);
    const items = share(l.refund.items);
    const tax = share(l.refund.tax);
    const shipping = share(l.refund.shipping);
    const fees = share(l.refund.fees);
    const deduction = keep ? 0 : l.deduction;
    sum.items += items;
    sum.tax += tax;
    sum.shipping += shipping;
    sum.fees += fees;
    sum.deductions += deduction;
    sum.total += Math.max(0, items + tax + shipping - fees - deduction);
  }
  const out: Settlement = {
    breakdown: sum,
    refund: 0,
    store_credit: 0,
    store_credit_bonus: 0,
    due_from_customer: 0,
  };
  switch (input.resolution) {
    case 'refund':
    case 'keep_item':
      out.refund = sum.total;
      break;
    case 'store_credit':
      out.store_credit_bonus = percentOf(sum.total, input.storeCreditBonusPercent);
      out.store_credit = sum.total + out.store_credit_bonus;
      break;
    case 'exchange': {
      // The replacement is priced at request time; what came back bounds what can be paid back.
      const ex = input.decision.exchange ?? { refund: 0, due_from_customer: 0, difference: 0 };
      out.refund = Math.min(ex.refund, sum.total);
      out.due_from_customer = ex.due_from_customer;
      break;
    }
  }
  return out;
}
