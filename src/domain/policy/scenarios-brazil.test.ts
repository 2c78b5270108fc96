// Scenario table, Brazil: CDC (Lei 8.078/90) art. 49 returns "all amounts paid, for any reason" within
// the 7-day reflection period (the delivery share too, no fee, the store pays the parcel back); past
// it the store's own longer window applies with the store's terms. Orders: twoLines() (see
// scenarios-law.test.ts).

import { L2, runScenarios, type Scenario, TWO_LINES_PAID, twoLines } from './scenario-helpers.ts';

const scenarios: Scenario[] = [
  {
    // CDC art. 49: "all amounts paid, for any reason": L2's 1826 net + 380 tax + its 103 share of the
    // original delivery, no fee, and the store pays the parcel back
    name: 'BR: 7 days, everything paid comes back (delivery share too) and the store pays the return',
    country: 'BR',
    zone: 'America/Sao_Paulo',
    lines: twoLines(),
    policy: { change_of_mind: { window_days: 5, return_shipping_fee: 595, restocking_fee_percent: 10 } },
    req: { ...L2(), lines: [{ lineId: 'L2', quantity: 1, opened: true }] },
    expect: {
      lines: [
        {
          deadline: '2026-03-11T23:59:59.999-03:00',
          return_shipping_paid_by: 'merchant',
          fees: { restocking: 0, return_shipping: 0 },
          refund: { items: 1826, tax: 380, shipping: 103, fees: 0, total: 2309 },
        },
      ],
    },
    explains: {
      code: 'shipping_refunded_all_paid',
      params: { amount: 103 },
      source: 'CDC (Lei 8.078/90) art. 49',
    },
  },
  {
    name: 'BR: the restocking fee gives way to art. 49 within the period',
    country: 'BR',
    zone: 'America/Sao_Paulo',
    lines: twoLines(),
    policy: {
      change_of_mind: { window_days: 5, restocking_fee_percent: 10, restocking_only_if_opened: false },
    },
    req: L2(),
    expect: { lines: [{ fees: { restocking: 0, return_shipping: 0 }, refund: { total: 2309 } }] },
    explains: {
      code: 'fees_not_allowed_all_paid',
      params: { percent: 10 },
      source: 'CDC (Lei 8.078/90) art. 49',
    },
  },
  {
    name: 'BR: the whole order within 7 days refunds all of the delivery cost',
    country: 'BR',
    zone: 'America/Sao_Paulo',
    lines: twoLines(),
    policy: { change_of_mind: { window_days: 5, return_shipping_fee: 595 } },
    req: {},
    expect: {
      lines: [{ refund: { shipping: 491 } }, { refund: { shipping: 103 } }],
      totals: { shipping: 594, fees: 0, total: TWO_LINES_PAID },
    },
  },
  {
    // past the statutory 7 days the store's own 30-day window applies, with the store's terms
    name: "BR: day 10 of the store's 30 days: the store's terms (customer pays, fee, no delivery refund)",
    country: 'BR',
    zone: 'America/Sao_Paulo',
    lines: twoLines(),
    policy: { change_of_mind: { window_days: 30, return_shipping_fee: 595 } },
    req: { ...L2(), at: '2026-03-14T12:00:00Z' },
    expect: {
      lines: [
        {
          return_shipping_paid_by: 'customer',
          fees: { restocking: 0, return_shipping: 595 },
          refund: { shipping: 0, total: 2206 - 595 },
        },
      ],
    },
    codes: [
      'store_window',
      'within_window',
      'return_shipping_customer',
      'shipping_not_refunded',
      'return_shipping_fee',
    ],
  },
];

runScenarios('scenarios: Brazil, CDC art. 49', scenarios);
