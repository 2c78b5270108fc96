// Which of an order's payments a refund goes back to. Pure, so the rule is tested without a
// database: the payments are filled in order (the first payment first), none beyond what it can
// still take.
import { allocate } from '../../domain/money.ts';

export interface PaymentRoom {
  position: number;
  provider: string;
  /** the payment's amount minus what was already refunded to it */
  room: number;
}

export interface RefundPart {
  position: number;
  provider: string;
  amount: number;
}

/**
 * What each payment can still take. Refunds that name no payment (made before refunds knew theirs)
 * are counted against the payments in order, the way they were sent: to the first payment.
 */
export function paymentRooms(
  payments: readonly { position: number; provider: string; amount: number }[],
  refunded: readonly { position: number | null; amount: number }[],
): PaymentRoom[] {
  let unplaced = refunded.filter((r) => r.position === null).reduce((s, r) => s + r.amount, 0);
  return [...payments]
    .sort((a, b) => a.position - b.position)
    .map((p) => {
      const named = refunded.filter((r) => r.position === p.position).reduce((s, r) => s + r.amount, 0);
      const left = Math.max(0, p.amount - named);
      const legacy = Math.min(left, unplaced);
      unplaced -= legacy;
      return { position: p.position, provider: p.provider, room: left - legacy };
    });
}

/** The refund poured into the payments in order; the parts fall short of `amount` only when the rooms do. */
export function splitRefund(amount: number, rooms: readonly PaymentRoom[]): RefundPart[] {
  const parts: RefundPart[] = [];
  let rest = amount;
  for (const r of [...rooms].sort((a, b) => a.position - b.position)) {
    if (rest <= 0) break;
    const take = Math.min(rest, r.room);
    if (take <= 0) continue;
    parts.push({ position: r.position, provider: r.provider, amount: take });
    rest -= take;
  }
  return parts;
}

/**
 * The return's breakdown shared over the parts in proportion, each component by largest remainder:
 * summed over the refunds every component gives the return's back (the shipping already paid back
 * is read that way), and each part's `total` is its amount.
 */
export function splitBreakdown(
  breakdown: Readonly<Record<string, number>>,
  amounts: readonly number[],
): Record<string, number>[] {
  const shares = Object.entries(breakdown).map(([key, value]) => [key, allocate(value, amounts)] as const);
  return amounts.map((amount, i) => ({
    ...Object.fromEntries(shares.map(([key, parts]) => [key, parts[i] ?? 0])),
    total: amount,
  }));
}
