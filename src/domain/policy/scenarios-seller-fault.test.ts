// Scenario table, part 1b: seller fault (guarantees, the UK right to reject, delivery-cost shares).
// Orders as in scenarios-law.test.ts: API.md's or twoLines().

import { L2, runScenarios, type Scenario, twoLines, twoWith } from './scenario-helpers.ts';

const scenarios: Scenario[] = [
  // --- seller fault
  {
    name: 'EU: a defective personalised item follows the 2-year guarantee and needs photos',
    country: 'DE',
    zone: 'Europe/Berlin',
    lines: twoWith({ flags: ['personalized'] }),
    req: { ...L2(), reason: 'defective', at: '2027-06-01T00:00:00Z' },
    expect: {
      eligible: true,
      auto_approve: false,
      lines: [
        {
          path: 'seller_fault',
          deadline: '2028-03-04T23:59:59.999+01:00',
          evidence_required: true,
          return_shipping_paid_by: 'merchant',
          auto_approve: false,
          refund: { items: 1826, tax: 380, shipping: 103, total: 2309 },
        },
      ],
      review_reasons: [{ code: 'review_evidence' }],
    },
    codes: [
      'path_seller_fault',
      'legal_guarantee',
      'within_window',
      'evidence_required',
      'return_shipping_merchant_seller_fault',
      'shipping_refunded_share',
    ],
    explains: { code: 'legal_guarantee', params: { years: 2 }, source: 'Directive (EU) 2019/771 art. 10' },
  },
  {
    name: 'UK: faulty goods on day 25 get the 30-day right to reject and a refund, whatever the store offers',
    country: 'GB',
    zone: 'Europe/London',
    lines: twoLines(),
    policy: { seller_fault: { window_days: 20 }, resolutions: ['store_credit'] },
    req: { ...L2(), reason: 'not_as_described', at: '2026-03-29T12:00:00Z' },
    expect: {
      eligible: true,
      lines: [
        {
          deadline: '2026-04-03T23:59:59.999+01:00',
          resolutions: ['refund', 'store_credit'],
          refund: { total: 2309 },
        },
      ],
    },
    explains: { code: 'refund_required_by_law', source: 'Consumer Rights Act 2015 s.22' },
  },
  {
    name: 'US: a wrong item is approved at once, with its share of the delivery cost',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    req: { ...L2(), reason: 'wrong_item' },
    expect: {
      auto_approve: true,
      lines: [
        {
          path: 'seller_fault',
          evidence_required: false,
          return_shipping_paid_by: 'merchant',
          refund: { shipping: 103, total: 2309 },
        },
      ],
    },
    explains: { code: 'shipping_refunded_share', params: { amount: 103 }, source: 'policy v3' },
  },
];

runScenarios('scenarios: seller fault', scenarios);
