// Builders for the policy engine's tests and bench: the API.md order and a context around it.
// Only tests and bench/ import this file.

import type { Order, OrderLine } from '../order.ts';
import { type PolicyInput, policySchema } from './policy.schema.ts';
import type { DecisionContext, DecisionRequest } from './types.ts';

export function makeLine(over: Partial<OrderLine> = {}): OrderLine {
  return {
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
    ...over,
  };
}

/** The order of API.md: Anna in Berlin, one line of two final-sale jumpers, delivered 2026-03-04. */
export function makeOrder(over: Partial<Order> = {}): Order {
  const lines = over.lines ?? [makeLine()];
  return {
    external_id: 'shop-4501',
    number: '1042',
    channel: 'shopify',
    currency: 'EUR',
    placed_at: '2026-03-01T10:00:00Z',
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
    lines,
    discounts: [{ code: 'WELCOME10', amount: 1000 }],
    shipping: { amount: 499, tax: 95 },
    payments: [{ provider: 'manual', reference: 'pay_123', amount: 10612 }],
    fulfillments: [
      {
        id: 'F1',
        lines: lines.map((l) => ({ line_id: l.id, quantity: l.quantity })),
        carrier: 'DHL',
        tracking_number: 'JD014600006751234567',
        shipped_at: '2026-03-02T08:00:00Z',
        delivered_at: '2026-03-04T13:12:00Z',
      },
    ],
    ...over,
  };
}

/** The API.md example policy (version 3): a 10-day window, the customer pays return shipping. */
export function makePolicy(over: PolicyInput = {}) {
  return policySchema.parse({
    ...over,
    change_of_mind: { window_days: 10, return_shipping_fee: 0, ...over.change_of_mind },
  });
}

export function makeContext(over: Partial<DecisionContext> = {}): DecisionContext {
  return {
    order: makeOrder(),
    policy: makePolicy(),
    policyVersion: 3,
    timeZone: 'Europe/Berlin',
    language: 'en',
    prior: [],
    refundedSoFar: 0,
    shippingRefundedSoFar: 0,
    ...over,
  };
}

export function makeRequest(over: Partial<DecisionRequest> = {}): DecisionRequest {
  return { reason: 'changed_mind', method: 'label', at: '2026-03-10T12:00:00Z', ...over };
}
