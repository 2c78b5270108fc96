// Scenario table, part 2: money, fees, keep-item, approval and rules. Orders: API.md's (L1: 2 x 4999 - 500 - share of 1000, tax 1520, final
// sale; shipping 499 + 95) or twoLines() (L1 net 8672 tax 1520, L2 net 1826 tax 380; shipping shares
// 491 / 103; paid 12992). Together with the other part: more than 60 named scenarios.

import { ctxFor, L2, runScenarios, type Scenario, twoLines, twoWith } from './scenario-helpers.ts';
import { makeLine } from './test-fixtures.ts';

const scenarios: Scenario[] = [
  // --- partial and repeated returns, discounts, taxes, shipping
  ...[
    [0, 334, 34],
    [1, 333, 33],
    [2, 333, 33],
  ].map(
    ([prior, items, tax]): Scenario => ({
      name: `repeated returns of a 3-unit line: unit ${(prior as number) + 1} gets ${items} + ${tax}`,
      country: 'US',
      zone: 'America/New_York',
      lines: [makeLine({ quantity: 3, unit_price: 400, discount: 200, tax: 100, flags: [] })],
      order: { discounts: [], shipping: { amount: 0, tax: 0 } },
      ctx: { prior: prior ? [{ lineId: 'L1', quantity: prior as number }] : [] },
      req: { lines: [{ lineId: 'L1', quantity: 1 }] },
      expect: { lines: [{ refund: { items, tax, total: (items as number) + (tax as number) } }] },
    }),
  ),
  {
    name: 'EU: the return that completes the whole order refunds the delivery cost',
    country: 'DE',
    zone: 'Europe/Berlin',
    ctx: { prior: [{ lineId: 'L1', quantity: 1 }] },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: { totals: { items: 4249, tax: 760, shipping: 594, total: 5603 } },
    explains: {
      code: 'shipping_refunded_withdrawal',
      params: { amount: 594 },
      source: 'Directive 2011/83/EU art. 13',
    },
  },
  {
    name: 'EU: only what is left of the delivery cost is refunded',
    country: 'DE',
    zone: 'Europe/Berlin',
    ctx: { shippingRefundedSoFar: 100, refundedSoFar: 100 },
    req: {},
    expect: { totals: { items: 8498, tax: 1520, shipping: 494, total: 10512 } },
  },
  {
    name: 'EU: a whole two-line order: discount split 826 / 174, shipping 491 / 103',
    country: 'AT',
    zone: 'Europe/Vienna',
    lines: twoLines(),
    expect: {
      lines: [
        { refund: { items: 8672, tax: 1520, shipping: 491, total: 10683 } },
        { refund: { items: 1826, tax: 380, shipping: 103, total: 2309 } },
      ],
      totals: { items: 10498, tax: 1900, shipping: 594, fees: 0, total: 12992 },
    },
  },
  {
    name: 'never more than was paid minus what was already refunded',
    country: 'DE',
    zone: 'Europe/Berlin',
    ctx: { refundedSoFar: 10000 },
    req: {},
    expect: { totals: { items: 612, tax: 0, shipping: 0, total: 612 } },
    explains: { code: 'refund_capped', params: { available: 612 } },
  },
  // --- fees
  {
    name: 'US: 15% restocking of an opened item plus the 5.95 label fee',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { change_of_mind: { restocking_fee_percent: 15, return_shipping_fee: 595 } },
    req: L2(true),
    expect: {
      lines: [
        {
          fees: { restocking: 274, return_shipping: 595 },
          refund: { items: 1826, tax: 380, fees: 869, total: 1337 },
        },
      ],
    },
    explains: { code: 'restocking_fee', params: { percent: 15, amount: 274 } },
  },
  {
    name: 'US: no restocking fee for an unopened item',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { change_of_mind: { restocking_fee_percent: 15, return_shipping_fee: 595 } },
    req: L2(false),
    expect: { lines: [{ fees: { restocking: 0, return_shipping: 595 }, refund: { total: 1611 } }] },
    codes: ['restocking_fee_unopened', 'return_shipping_fee'],
  },
  {
    name: "US: dropping the parcel off without the store's label costs no label fee",
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { change_of_mind: { restocking_fee_percent: 15, return_shipping_fee: 595 } },
    req: { ...L2(true), method: 'drop_off' },
    expect: { lines: [{ fees: { restocking: 274, return_shipping: 0 }, refund: { total: 1932 } }] },
  },
  {
    name: 'EU: a restocking fee is not allowed on withdrawal; the label fee is',
    country: 'ES',
    zone: 'Europe/Madrid',
    lines: twoLines(),
    policy: { change_of_mind: { restocking_fee_percent: 15, return_shipping_fee: 595 } },
    req: L2(true),
    expect: { lines: [{ fees: { restocking: 0, return_shipping: 595 }, refund: { total: 1611 } }] },
    explains: {
      code: 'restocking_fee_not_allowed',
      params: { percent: 15 },
      source: 'Directive 2011/83/EU art. 14',
    },
  },
  {
    name: 'one label fee per parcel, split over its lines by item value (492 / 103)',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { change_of_mind: { return_shipping_fee: 595 } },
    expect: {
      lines: [{ fees: { return_shipping: 492 } }, { fees: { return_shipping: 103 } }],
      totals: { fees: 595, total: 11803 },
    },
  },
  {
    name: 'a fee never takes a line below zero',
    country: 'US',
    zone: 'America/New_York',
    lines: [makeLine({ quantity: 1, unit_price: 300, discount: 0, tax: 0, flags: [] })],
    order: { discounts: [], shipping: { amount: 0, tax: 0 } },
    policy: { change_of_mind: { return_shipping_fee: 595 } },
    expect: { lines: [{ fees: { return_shipping: 300 }, refund: { items: 300, fees: 300, total: 0 } }] },
  },
  {
    name: 'a rule gives VIPs free return shipping',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    req: L2(),
    policy: {
      change_of_mind: { return_shipping_fee: 595 },
      rules: [{ when: { segments: ['vip'] }, then: { free_return_shipping: true } }],
    },
    expect: {
      lines: [{ return_shipping_paid_by: 'merchant', fees: { return_shipping: 0 }, refund: { total: 2206 } }],
    },
    explains: { code: 'return_shipping_merchant', source: 'policy v3, rule 1' },
  },
  // --- keep the item
  {
    name: 'keep-item: a unit worth less than 30.00 is refunded without a return',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { keep_item: { max_unit_value: 3000 } },
    req: L2(),
    expect: {
      lines: [{ keep_item: true, resolutions: ['refund', 'store_credit', 'exchange', 'keep_item'] }],
    },
    explains: { code: 'keep_item_low_value', params: { max_unit_value: 3000 } },
  },
  {
    name: 'keep-item: not for a jumper worth 50.96 a unit',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { keep_item: { max_unit_value: 3000 } },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: {
      lines: [
        {
          keep_item: false,
          resolutions: ['refund', 'store_credit', 'exchange'],
          refund: { items: 4336, tax: 760 },
        },
      ],
    },
  },
  {
    name: 'keep-item: returning would cost more than 30% of the value',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { keep_item: { max_return_cost_share_percent: 30, estimated_return_cost: 800 } },
    req: L2(),
    expect: { lines: [{ keep_item: true }] },
    explains: { code: 'keep_item_return_cost', params: { percent: 30 } },
  },
  {
    name: 'keep-item chosen: no fees and no shipment',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: {
      keep_item: { max_unit_value: 3000 },
      change_of_mind: { restocking_fee_percent: 15, return_shipping_fee: 595 },
    },
    req: { ...L2(true), method: 'none', resolution: { type: 'keep_item' } },
    expect: {
      eligible: true,
      lines: [{ fees: { restocking: 0, return_shipping: 0 }, refund: { total: 2206 } }],
    },
  },
  // --- auto-approval and store rules
  {
    name: 'a flagged customer goes to a person',
    country: 'DE',
    zone: 'Europe/Berlin',
    order: { customer: { ...ctxFor('DE', 'Europe/Berlin').order.customer, segments: ['flagged'] } },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: {
      eligible: true,
      auto_approve: false,
      lines: [{ auto_approve: true }],
      review_reasons: [{ code: 'review_segment', params: { segment: 'flagged' } }],
    },
  },
  {
    name: 'a refund over the ceiling goes to a person',
    country: 'DE',
    zone: 'Europe/Berlin',
    policy: { auto_approve: { max_refund: 4000 } },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: {
      auto_approve: false,
      review_reasons: [{ code: 'review_over_limit', params: { total: 5009, max_refund: 4000 } }],
    },
  },
  {
    name: 'a reason not on the auto-approval list goes to a person',
    country: 'DE',
    zone: 'Europe/Berlin',
    policy: { auto_approve: { reasons: ['changed_mind'] } },
    req: { reason: 'size_too_small', lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: {
      auto_approve: false,
      lines: [{ auto_approve: false }],
      review_reasons: [{ code: 'review_reason' }],
    },
  },
  {
    name: 'a rule switches auto-approval off for apparel',
    country: 'DE',
    zone: 'Europe/Berlin',
    policy: { rules: [{ when: { categories: ['apparel'] }, then: { auto_approve: false } }] },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: { auto_approve: false, review_reasons: [{ code: 'review_rule', source: 'policy v3, rule 1' }] },
  },
  {
    name: 'a seller-fault rule approves defective returns at once despite the evidence',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { rules: [{ when: { reasons: ['defective'] }, then: { auto_approve: true } }] },
    req: { ...L2(), reason: 'defective' },
    expect: {
      auto_approve: true,
      lines: [{ evidence_required: true, auto_approve: true }],
      review_reasons: [],
    },
  },
  {
    name: 'first match wins per effect: window from rule 2, restocking from rule 1',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: {
      rules: [
        { when: { countries: ['US'] }, then: { restocking_fee_percent: 10 } },
        { when: { categories: ['apparel'] }, then: { window_days: 45, restocking_fee_percent: 20 } },
      ],
    },
    req: { lines: [{ lineId: 'L1', quantity: 1, opened: true }], at: '2026-04-10T12:00:00Z' },
    expect: {
      lines: [
        {
          deadline: '2026-04-18T23:59:59.999-04:00',
          fees: { restocking: 434 },
          refund: { items: 4336, tax: 760, total: 4662 },
        },
      ],
    },
    codes: ['store_window', 'within_window', 'return_shipping_customer', 'restocking_fee'],
    explains: { code: 'store_window', params: { days: 45 }, source: 'policy v3, rule 2' },
  },
  {
    name: 'a rule makes apparel non-returnable in the US',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { rules: [{ when: { categories: ['apparel'] }, then: { returnable: false } }] },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: { eligible: false },
    explains: { code: 'not_returnable_rule', source: 'policy v3, rule 1' },
  },
  {
    name: 'the same rule cannot take the withdrawal right away in Italy',
    country: 'IT',
    zone: 'Europe/Rome',
    lines: twoLines(),
    policy: { rules: [{ when: { categories: ['apparel'] }, then: { returnable: false } }] },
    req: { lines: [{ lineId: 'L1', quantity: 1 }] },
    expect: { eligible: true, lines: [{ deadline: '2026-03-18T23:59:59.999+01:00' }] },
    codes: ['legal_floor', 'store_exclusion_overridden', 'within_window'],
  },
  {
    name: 'an order-value rule: orders from 100.00 get 60 days',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { rules: [{ when: { order_value: { min: 10000 } }, then: { window_days: 60 } }] },
    req: L2(),
    expect: { lines: [{ deadline: '2026-05-03T23:59:59.999-04:00' }] },
  },
  {
    name: 'an in-store return: no parcel, so no label fee and no word on who pays it',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { return_methods: ['label', 'in_store'], change_of_mind: { return_shipping_fee: 595 } },
    req: { ...L2(), method: 'in_store' },
    expect: { eligible: true, lines: [{ fees: { return_shipping: 0 }, refund: { total: 2206 } }] },
    absent: ['return_shipping_customer', 'return_shipping_fee'],
  },
  {
    name: 'a tag rule: clearance items have 7 days',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    ctx: { tags: { lines: { L2: ['clearance'] } } },
    policy: {
      change_of_mind: { window_days: 30 },
      rules: [{ when: { tags: ['clearance'] }, then: { window_days: 7 } }],
    },
    req: L2(),
    expect: { eligible: true, lines: [{ deadline: '2026-03-11T23:59:59.999-04:00' }] },
    explains: { code: 'store_window', params: { days: 7 }, source: 'policy v3, rule 1' },
  },
  {
    name: 'a flag rule: hygiene items get store credit only',
    country: 'US',
    zone: 'America/New_York',
    lines: twoWith({ flags: ['sealed_hygiene'] }),
    policy: { rules: [{ when: { flags: ['sealed_hygiene'] }, then: { resolutions: ['store_credit'] } }] },
    req: { ...L2(), resolution: { type: 'store_credit' } },
    expect: {
      eligible: true,
      lines: [{ resolutions: ['store_credit'] }],
      store_credit: { bonus: 221, total: 2427 },
    },
  },
];

runScenarios('scenarios: money, fees, keep-item, approval and rules', scenarios);
