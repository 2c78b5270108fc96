// The order as the domain sees it: plain data, already validated, amounts in minor units.
// Built from the API / importers by features/orders; consumed by the policy engine and returns.

export const PRODUCT_FLAGS = [
  'final_sale',
  'personalized',
  'perishable',
  'sealed_hygiene',
  'sealed_media',
  'digital',
] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

export interface Address {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  country: string; // ISO 3166-1 alpha-2
}

export interface OrderLine {
  id: string; // the store's own line id, unique in the order
  sku: string;
  title: string;
  variant: string | null;
  category: string | null;
  quantity: number;
  unit_price: number; // before discounts
  discount: number; // line's own discount over all units
  tax: number; // line's tax over all units, after discounts
  flags: ProductFlag[];
  supplier: string | null;
  /** the customer confirmed at purchase that the no-reason return right is waived (China, sealed hygiene) */
  no_reason_return_waived: boolean;
  /** units cancelled before shipment (an after-sales cancellation): they will never be delivered */
  cancelled_quantity?: number;
}

export interface Fulfillment {
  id: string;
  lines: { line_id: string; quantity: number }[];
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  /** where the parcel left from, when known */
  origin_country?: string | null;
}

export interface Customer {
  email: string;
  name: string | null;
  phone: string | null;
  language: string | null;
  time_zone: string | null;
  segments: string[];
}

export interface Order {
  external_id: string | null;
  number: string;
  channel: string;
  currency: string;
  placed_at: string;
  return_terms_disclosed: boolean;
  customer: Customer;
  shipping_address: Address;
  lines: OrderLine[];
  discounts: { code: string | null; amount: number }[];
  shipping: { amount: number; tax: number };
  payments: { provider: string; reference: string | null; amount: number }[];
  fulfillments: Fulfillment[];
}

/** What the customer paid in total: line amounts after every discount, tax, shipping and its tax. */
export function orderTotal(order: Pick<Order, 'lines' | 'discounts' | 'shipping'>): number {
  const lines = order.lines.reduce((s, l) => s + l.unit_price * l.quantity - l.discount + l.tax, 0);
  const discounts = order.discounts.reduce((s, d) => s + d.amount, 0);
  return lines - discounts + order.shipping.amount + order.shipping.tax;
}

export function amountPaid(order: Pick<Order, 'payments'>): number {
  return order.payments.reduce((s, p) => s + p.amount, 0);
}

/** Delivered quantity per line id: the sum over fulfillments that have a delivery time. */
export function deliveredQuantities(order: Pick<Order, 'fulfillments'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of order.fulfillments) {
    if (!f.delivered_at) continue;
    for (const l of f.lines) out.set(l.line_id, (out.get(l.line_id) ?? 0) + l.quantity);
  }
  return out;
}

/** The delivery instant of the order's last delivered parcel, or null when nothing was delivered. */
export function lastDeliveredAt(order: Pick<Order, 'fulfillments'>): string | null {
  let last: string | null = null;
  for (const f of order.fulfillments) {
    if (f.delivered_at && (last === null || Date.parse(f.delivered_at) > Date.parse(last)))
      last = f.delivered_at;
  }
  return last;
}
