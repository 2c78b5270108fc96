// A Shopify order (the REST resource, as an orders/* webhook body or an Admin API page) onto our
// order model: number = Shopify's order_number, external_id = "shopify:<id>", money strings in
// minor units exactly, each line's tax and discount from its own tax_lines and discount
// allocations (the order's tax spread over lines by value when the lines carry none), shipping,
// the payment under the order's gateway, fulfilments with carrier and tracking.
import { decimalToMinor } from '../../domain/currency-digits.ts';
import { allocate } from '../../domain/money.ts';

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): J[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

export class ShopifyMappingError extends Error {}

function money(v: unknown, currency: string, what: string): number {
  const m = decimalToMinor(str(v) ?? '0', currency);
  if (m === null) throw new ShopifyMappingError(`${what}: "${String(v)}" is not an amount in ${currency}`);
  return m;
}

/** Shopify's updated_at of an order, to keep older updates from overwriting newer ones. */
export function shopifyUpdatedAt(order: J): string | null {
  return str(order.updated_at);
}

export function shopifyOrderToInput(raw: unknown): Record<string, unknown> {
  const o = obj(obj(raw).order ?? raw);
  const currency = (str(o.currency) ?? '').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ShopifyMappingError('the order has no currency');
  const id = str(o.id);
  if (!id) throw new ShopifyMappingError('the order has no id');
  const items = arr(o.line_items);
  if (items.length === 0) throw new ShopifyMappingError(`order ${id} carries no line items`);
  const gross = items.map((l) => money(l.price, currency, 'line price') * Number(l.quantity ?? 0));
  const ownDiscount = items.map(
    (l) =>
      arr(l.discount_allocations).reduce((s, d) => s + money(d.amount, currency, 'discount'), 0) ||
      money(l.total_discount ?? 0, currency, 'line discount'),
  );
  const shippingLines = arr(o.shipping_lines);
  const shipping = shippingLines.reduce((s, l) => s + money(l.price, currency, 'shipping'), 0);
  const shippingTax = shippingLines.reduce(
    (s, l) => s + arr(l.tax_lines).reduce((t, x) => t + money(x.price, currency, 'shipping tax'), 0),
    0,
  );
  const lineTaxes = items.map((l) =>
    arr(l.tax_lines).reduce((t, x) => t + money(x.price, currency, 'line tax'), 0),
  );
  const totalTax = money(o.total_tax ?? 0, currency, 'total tax');
  // old payloads carry the tax on the order only: spread what the lines do not hold by their value
  const unplaced = Math.max(0, totalTax - shippingTax - lineTaxes.reduce((a, b) => a + b, 0));
  const spread = allocate(
    unplaced,
    gross.map((g, i) => Math.max(0, g - (ownDiscount[i] ?? 0))),
  );
  const totalDiscounts = money(o.total_discounts ?? 0, currency, 'total discounts');
  const orderDiscount = Math.max(0, totalDiscounts - ownDiscount.reduce((a, b) => a + b, 0));
  const address = obj(o.shipping_address ?? o.billing_address);
  const customer = obj(o.customer);
  const name =
    str(address.name) ?? [str(customer.first_name), str(customer.last_name)].filter(Boolean).join(' ');
  const total = money(o.total_price, currency, 'total price');
  const status = str(o.financial_status);
  const paid = status === 'pending' || status === 'voided' ? 0 : total;
  const language = str(o.customer_locale);
  return {
    external_id: `shopify:${id}`,
    number: str(o.order_number) ?? str(o.name)?.replace(/^#/, '') ?? id,
    channel: 'shopify',
    currency,
    placed_at: str(o.created_at),
    return_terms_disclosed: true,
    customer: {
      email: (str(o.email) ?? str(customer.email) ?? `shopify-${id}@invalid.example`).toLowerCase(),
      name: name || null,
      phone: str(o.phone) ?? str(customer.phone) ?? str(address.phone),
      language: language ? (language.split('-')[0] === 'pt' ? 'pt-BR' : language) : null,
      time_zone: null,
      segments: (str(customer.tags) ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    },
    shipping_address: {
      name: name || 'Customer',
      line1: str(address.address1) ?? '',
      line2: str(address.address2),
      city: str(address.city) ?? '',
      region: str(address.province_code),
      postal_code: str(address.zip),
      country: (str(address.country_code) ?? '').toUpperCase(),
    },
    lines: items.map((l, i) => ({
      id: str(l.id) ?? `L${i + 1}`,
      sku: str(l.sku) ?? str(l.variant_id) ?? `shopify-line-${str(l.id)}`,
      title: str(l.title) ?? 'Item',
      variant: str(l.variant_title),
      category: str(l.product_type),
      quantity: Number(l.quantity ?? 1),
      unit_price: money(l.price, currency, 'line price'),
      discount: ownDiscount[i] ?? 0,
      tax: (lineTaxes[i] ?? 0) + (spread[i] ?? 0),
      flags: [],
      supplier: str(l.vendor),
    })),
    discounts:
      orderDiscount > 0 ? [{ code: str(arr(o.discount_codes)[0]?.code), amount: orderDiscount }] : [],
    shipping: { amount: shipping, tax: shippingTax },
    payments: paid > 0 ? [{ provider: 'shopify', reference: `shopify:${id}`, amount: paid }] : [],
    fulfillments: arr(o.fulfillments)
      .filter((f) => str(f.status) !== 'cancelled' && str(f.status) !== 'failure')
      .map((f) => ({
        id: str(f.id) ?? 'F',
        lines: arr(f.line_items).map((l) => ({
          line_id: str(l.id) ?? '',
          quantity: Number(l.quantity ?? 0),
        })),
        carrier: str(f.tracking_company),
        tracking_number: str(f.tracking_number),
        shipped_at: str(f.created_at),
        delivered_at: str(f.shipment_status) === 'delivered' ? str(f.updated_at) : null,
      })),
  };
}
