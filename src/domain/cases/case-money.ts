// What a case pays back, from what the order's units paid (policy/amounts.ts): a cancellation the
// cancelled units' items and tax, and the delivery charge too once nothing of the order ships any
// more; a lost parcel the lost units' items, tax and their share of the delivery charge. Units are
// taken after those already settled by returns and other cases (`from`), so any sequence of cases and
// returns on one line adds up exactly to what the line paid.

import type { Order } from '../order.ts';
import { orderAmounts, unitShare } from '../policy/amounts.ts';

export interface CaseRefund {
  items: number;
  tax: number;
  shipping: number;
  total: number;
}

export interface UnitsTaken {
  line_id: string;
  quantity: number;
  /** units of this line already settled (returned, cancelled, refunded as lost) before these */
  from: number;
}

export const ZERO_REFUND: CaseRefund = Object.freeze({ items: 0, tax: 0, shipping: 0, total: 0 });

export function unitsRefund(
  order: Order,
  units: readonly UnitsTaken[],
  shipping: 'share' | 'none' | 'all',
): CaseRefund {
  const a = orderAmounts(order);
  let items = 0;
  let tax = 0;
  let ship = 0;
  for (const u of units) {
    const idx = order.lines.findIndex((l) => l.id === u.line_id);
    const line = order.lines[idx];
    if (!line || u.quantity <= 0) continue;
    const count = Math.max(0, Math.min(u.quantity, line.quantity - u.from));
    const share = unitShare(a, line, idx, u.from, count);
    items += share.items;
    tax += share.tax;
    if (shipping === 'share') ship += share.shipping;
  }
  if (shipping === 'all') ship = a.shippingTotal;
  return { items, tax, shipping: ship, total: items + tax + ship };
}

/** Units of each line that have shipped (summed over the order's fulfillments that left). */
export function shippedQuantities(order: Pick<Order, 'fulfillments'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of order.fulfillments) {
    if (!f.shipped_at) continue;
    for (const l of f.lines) out.set(l.line_id, (out.get(l.line_id) ?? 0) + l.quantity);
  }
  return out;
}

/** What of each line can still be cancelled: ordered minus shipped minus already cancelled. */
export function cancellableQuantities(
  order: Pick<Order, 'lines' | 'fulfillments'>,
  cancelled: ReadonlyMap<string, number>,
): { line_id: string; quantity: number }[] {
  const shipped = shippedQuantities(order);
  return order.lines
    .map((l) => ({
      line_id: l.id,
      quantity: Math.max(0, l.quantity - (shipped.get(l.id) ?? 0) - (cancelled.get(l.id) ?? 0)),
    }))
    .filter((l) => l.quantity > 0);
}
