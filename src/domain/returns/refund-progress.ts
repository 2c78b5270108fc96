// Where the customer's money stands, as the portal may tell it: "paid" only once every refund of the
// return has left (status `succeeded`); a refund the provider refused, or one still unpaid after the
// date the store had to pay by, is "delayed", with the reason so the customer knows what to do.
// Mirrors the console's "refund overdue" queue (REFUND_OVERDUE in return-search.queries.ts).

export type RefundState = 'none' | 'not_yet' | 'being_paid' | 'paid' | 'delayed';

export interface RefundProgress {
  state: RefundState;
  /** `refused`: the provider refused a payment; `overdue`: the due date passed unpaid */
  delay: 'refused' | 'overdue' | null;
  /** the money refunds of the return, sent or not */
  amount: number;
  /** what has reached the customer so far */
  paid_amount: number;
  /** when the last refund was paid, once all are */
  paid_at: string | null;
  due_at: string | null;
}

export interface RefundFacts {
  status: string;
  resolution: string;
  refund_due_at: string | null;
  refunds: { amount: number; status: string; paid_at: string | null }[];
}

/** Resolutions that end in money back unless the store pays it out otherwise. */
const MONEY_BACK = new Set(['refund', 'keep_item']);

export function refundProgress(r: RefundFacts, now: Date): RefundProgress {
  const amount = r.refunds.reduce((s, f) => s + f.amount, 0);
  const paid = r.refunds.filter((f) => f.status === 'succeeded');
  const paidAmount = paid.reduce((s, f) => s + f.amount, 0);
  const base = { amount, paid_amount: paidAmount, paid_at: null, due_at: r.refund_due_at, delay: null };
  if (r.status === 'rejected' || r.status === 'canceled') return { ...base, state: 'none', due_at: null };
  if (r.refunds.length > 0 && paid.length === r.refunds.length) {
    const last =
      paid
        .map((f) => f.paid_at ?? '')
        .sort()
        .at(-1) || null;
    return { ...base, state: 'paid', paid_at: last };
  }
  if (r.refunds.some((f) => f.status === 'failed')) return { ...base, state: 'delayed', delay: 'refused' };
  const waitsForMoney = r.refunds.length > 0 || (r.status !== 'completed' && MONEY_BACK.has(r.resolution));
  if (!waitsForMoney) return { ...base, state: 'none' };
  if (r.refund_due_at && Date.parse(r.refund_due_at) < now.getTime())
    return { ...base, state: 'delayed', delay: 'overdue' };
  return { ...base, state: r.refunds.length > 0 ? 'being_paid' : 'not_yet' };
}
