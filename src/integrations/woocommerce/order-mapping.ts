// A WooCommerce order (REST API v3, as an order.created / order.updated webhook body or a page of
// GET /orders) onto our order model: number = Woo's number, external_id = "woocommerce:<id>",
// money strings in minor units exactly; a line's discount is its subtotal minus its total; times
// in GMT are taken as UTC. Woo has no fulfilments of its own (plugins add tracking): a completed
// order counts as shipped at its completion date.
import { decimalToMinor } from '../../domain/currency-digits.ts';

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): J[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;

export class WooMappingError extends Error {}

const gmt = (v: unknown): string | null => {
  const s = str(v);
  return s ? `${s.replace(/Z$/, '')}Z` : null;
};

function money(v: unknown, currency: string, what: string): number {
  const m = decimalToMinor(str(v) ?? '0', currency);
  if (m === null) throw new WooMappingError(`${what}: "${String(v)}" is not an amount in ${currency}`);
  return m;
}

/** Decodes the HTML entities Woo leaves in names ("Ship Your Idea &ndash; Color"). */
function text(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    ndash: '–',
    mdash: '—',
    nbsp: ' ',
  };
  return s.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (named[e.toLowerCase()] ?? m),
  );
}

export function wooOrderToInput(raw: unknown): Record<string, unknown> {
  const o = obj(raw);
  const id = str(o.id);
  if (!id) throw new WooMappingError('the order has no id');
  const currency = (str(o.currency) ?? '').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new WooMappingError(`order ${id} has no currency`);
  const items = arr(o.line_items);
  if (items.length === 0) throw new WooMappingError(`order ${id} carries no line items`);
  const billing = obj(o.billing);
  const shipping =
    Object.keys(obj(o.shipping)).length && str(obj(o.shipping).address_1) ? obj(o.shipping) : billing;
  const name = [str(shipping.first_name), str(shipping.last_name)].filter(Boolean).join(' ');
  const total = money(o.total, currency, 'total');
  const status = str(o.status);
  const paid = status === 'pending' || status === 'failed' || status === 'cancelled' ? 0 : total;
  const completed = status === 'completed' ? (gmt(o.date_completed_gmt) ?? gmt(o.date_modified_gmt)) : null;
  return {
    external_id: `woocommerce:${id}`,
    number: str(o.number) ?? id,
    channel: 'woocommerce',
    currency,
    placed_at: gmt(o.date_created_gmt),
    return_terms_disclosed: true,
    customer: {
      email: (str(billing.email) ?? `woocommerce-${id}@invalid.example`).toLowerCase(),
      name: name || null,
      phone: str(billing.phone),
      language: null,
      time_zone: null,
      segments: [],
    },
    shipping_address: {
      name: name || 'Customer',
      line1: str(shipping.address_1) ?? '',
      line2: str(shipping.address_2),
      city: str(shipping.city) ?? '',
      region: str(shipping.state),
      postal_code: str(shipping.postcode),
      country: (str(shipping.country) ?? '').toUpperCase(),
    },
    lines: items.map((l, i) => {
      const quantity = Number(l.quantity ?? 1);
      const subtotal = money(l.subtotal, currency, 'line subtotal');
      const lineTotal = money(l.total, currency, 'line total');
      // the unit price before discounts, exact when the subtotal divides; else the rounding goes
      // into the line's discount so the line still adds up to what Woo charged
      const unit = Math.ceil(subtotal / Math.max(quantity, 1));
      return {
        id: str(l.id) ?? `L${i + 1}`,
        sku:
          str(l.sku) ??
          `woocommerce-product-${str(l.variation_id) !== '0' ? str(l.variation_id) : str(l.product_id)}`,
        title: text(l.name) ?? 'Item',
        variant:
          arr(l.meta_data)
            .filter((m) => typeof m.value === 'string' && !String(m.key).startsWith('_'))
            .map((m) => String(m.value))
            .join(' / ') || null,
        category: null,
        quantity,
        unit_price: unit,
        discount: unit * quantity - lineTotal,
        tax: money(l.total_tax, currency, 'line tax'),
        flags: [],
        supplier: null,
      };
    }),
    discounts: [],
    shipping: {
      amount: money(o.shipping_total, currency, 'shipping'),
      tax: money(o.shipping_tax, currency, 'shipping tax'),
    },
    // refunded through the store's WooCommerce (which asks its gateway): the order is the reference
    payments: paid > 0 ? [{ provider: 'woocommerce', reference: `woocommerce:${id}`, amount: paid }] : [],
    fulfillments: completed
      ? [
          {
            id: 'completed',
            lines: items.map((l, i) => ({
              line_id: str(l.id) ?? `L${i + 1}`,
              quantity: Number(l.quantity ?? 1),
            })),
            carrier: null,
            tracking_number: null,
            shipped_at: completed,
            delivered_at: null,
          },
        ]
      : [],
  };
}

/** Woo's modification time of an order, to keep older updates from overwriting newer ones. */
export function wooUpdatedAt(order: J): Date | null {
  const s = gmt(order.date_modified_gmt);
  return s ? new Date(s) : null;
}
