// Builders for test data, shaped like API.md's examples. Times are relative to `now` so windows
// stay open whatever day the suite runs.
import type { OrderInput } from '../src/features/orders/orders.schemas.ts';

const DAY = 86_400_000;
export const daysAgo = (n: number, now = Date.now()) => new Date(now - n * DAY).toISOString();

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

let seq = 0;

/** The API.md order (a German customer, one line of two jumpers, delivered three days ago). */
export function makeOrder(
  over: DeepPartial<OrderInput> & Record<string, unknown> = {},
): Record<string, unknown> {
  seq++;
  const base = {
    external_id: `shop-${4500 + seq}-${Math.random().toString(36).slice(2, 8)}`,
    number: `${1040 + seq}`,
    channel: 'shopify',
    currency: 'EUR',
    placed_at: daysAgo(6),
    return_terms_disclosed: true,
    customer: {
      email: 'anna@example.de',
      name: 'Anna Schmidt',
      phone: '+4915112345678',
      language: 'de',
      time_zone: 'Europe/Berlin',
      segments: ['vip'],
    },
    shipping_address: {
      name: 'Anna Schmidt',
      line1: 'Invalidenstr. 1',
      line2: null,
      city: 'Berlin',
      region: null,
      postal_code: '10115',
      country: 'DE',
    },
    lines: [
      {
        id: 'L1',
        sku: 'JUMPER-M-BLUE',
        title: 'Wool jumper',
        variant: 'M / Blue',
        category: 'apparel',
        quantity: 2,
        unit_price: 4999,
        discount: 500,
        tax: 1520,
        flags: ['final_sale'],
        supplier: 'SUP-1',
        no_reason_return_waived: false,
      },
    ],
    discounts: [{ code: 'WELCOME10', amount: 1000 }],
    shipping: { amount: 499, tax: 95 },
    payments: [{ provider: 'manual', reference: 'pay_123', amount: 10612 }],
    fulfillments: [
      {
        id: 'F1',
        lines: [{ line_id: 'L1', quantity: 2 }],
        carrier: 'DHL',
        tracking_number: 'JD014600006751234567',
        shipped_at: daysAgo(5),
        delivered_at: daysAgo(3),
      },
    ],
  };
  return { ...base, ...over } as Record<string, unknown>;
}
