// What each line and each unit of an order paid. Order-level discounts are spread over lines in
// proportion to each line's amount after its own discount, and shipping (with its tax) in proportion to
// each line's net amount, both by largest remainder; units then take their share of a line by largest
// remainder too. So every split adds up to the whole, and any sequence of returns of one line adds up
// exactly to what the line paid.

import { allocate, unitRangeShare } from '../money.ts';
import { amountPaid, type Order, type OrderLine, orderTotal } from '../order.ts';

export interface OrderAmounts {
  /** per line (order index): items net of the line's and its share of order discounts, before tax */
  net: number[];
  /** per line: its share of the original delivery cost (amount + tax) */
  shipping: number[];
  shippingTotal: number;
  /** what the customer paid: the recorded payments, or the order total when none are recorded */
  paid: number;
  orderValue: number;
}

export interface UnitShare {
  items: number;
  tax: number;
  shipping: number;
}

export function orderAmounts(order: Order): OrderAmounts {
  // validated orders never discount a line or the order below zero; clamping keeps a bad import
  // from producing negative refunds instead of failing the decision
  const gross = order.lines.map((l) => Math.max(0, l.unit_price * l.quantity - l.discount));
  const merchandise = gross.reduce((a, b) => a + b, 0);
  const orderDiscount = Math.min(
    merchandise,
    order.discounts.reduce((s, d) => s + d.amount, 0),
  );
  const shares = allocate(Math.max(0, orderDiscount), gross);
  const net = gross.map((g, i) => g - (shares[i] ?? 0));
  const shippingTotal = order.shipping.amount + order.shipping.tax;
  const shipping = allocate(shippingTotal, net);
  const orderValue = orderTotal(order);
  const paid = order.payments.length > 0 ? amountPaid(order) : orderValue;
  return { net, shipping, shippingTotal, paid, orderValue };
}

/** The share of units [from, from + count) of a line in its net items, tax and delivery cost. */
export function unitShare(
  a: OrderAmounts,
  line: OrderLine,
  idx: number,
  from: number,
  count: number,
): UnitShare {
  const q = line.quantity;
  return {
    items: unitRangeShare(a.net[idx] ?? 0, q, from, count),
    tax: unitRangeShare(line.tax, q, from, count),
    shipping: unitRangeShare(a.shipping[idx] ?? 0, q, from, count),
  };
}
