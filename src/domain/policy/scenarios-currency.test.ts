// The policy's money in the order's currency: amounts the store gave per currency, converted at the
// store's stored rate (named in the explanation), or not applied at all when there is neither.
// L2 is the 20.00 scarf: 1826 net + 380 tax (minor units of whatever the order's currency is).

import { rateTable } from '../currency.ts';
import { L2, runScenarios, type Scenario, twoLines } from './scenario-helpers.ts';

const rates = rateTable([
  { day: '2026-03-01', base: 'EUR', quote: 'RUB', rate: '1.5' },
  { day: '2026-03-01', base: 'EUR', quote: 'KWD', rate: '0.3301' },
  { day: '2026-03-01', base: 'EUR', quote: 'JPY', rate: '161.52' },
]);
const EUR_FEE = { currency: 'EUR', change_of_mind: { window_days: 30, return_shipping_fee: 595 } } as const;

runScenarios('scenarios: policy amounts in the order currency', [
  {
    name: 'RUB order, fee in EUR: converted at the store rate, half up, and the rate is named',
    country: 'RU',
    zone: 'Europe/Moscow',
    lines: twoLines(),
    order: { currency: 'RUB' },
    ctx: { rates },
    policy: EUR_FEE,
    req: L2(),
    // 5.95 EUR x 1.5 = 8.925 -> 8.93 RUB
    expect: { currency: 'RUB', lines: [{ fees: { return_shipping: 893 }, refund: { total: 2206 - 893 } }] },
    codes: ['return_shipping_fee', 'amount_converted'],
    explains: {
      code: 'amount_converted',
      params: {
        from_amount: 595,
        from_currency: 'EUR',
        amount: 893,
        to_currency: 'RUB',
        rate: '1.5',
        rate_day: '2026-03-01',
      },
    },
  },
  {
    name: "JPY order: the store's own yen fee, no conversion",
    country: 'JP',
    zone: 'Asia/Tokyo',
    lines: twoLines(),
    order: { currency: 'JPY' },
    ctx: { rates },
    policy: {
      ...EUR_FEE,
      change_of_mind: { ...EUR_FEE.change_of_mind, return_shipping_fee_by_currency: { JPY: 800 } },
    },
    req: L2(),
    expect: { lines: [{ fees: { return_shipping: 800 } }] },
    codes: ['return_shipping_fee'],
    absent: ['amount_converted'],
  },
  {
    name: 'KWD order: three decimals (5.95 EUR x 0.3301 = 1.964 KWD)',
    country: 'KW',
    zone: 'Asia/Kuwait',
    lines: twoLines(),
    order: { currency: 'KWD' },
    ctx: { rates },
    policy: EUR_FEE,
    req: L2(),
    expect: { lines: [{ fees: { return_shipping: 1964 } }] },
  },
  {
    name: 'CNY order with neither a yuan fee nor a rate: no fee, and the customer is told why',
    country: 'CN',
    zone: 'Asia/Shanghai',
    lines: twoLines(),
    order: { currency: 'CNY' },
    ctx: { rates },
    policy: EUR_FEE,
    req: L2(),
    expect: { lines: [{ fees: { return_shipping: 0 }, refund: { total: 2206 } }] },
    explains: { code: 'return_shipping_fee_unavailable', params: { currency: 'CNY', from_currency: 'EUR' } },
    absent: ['return_shipping_fee'],
  },
  {
    name: 'a refund ceiling that cannot be priced sends the return to a person',
    country: 'CN',
    zone: 'Asia/Shanghai',
    lines: twoLines(),
    order: { currency: 'CNY' },
    ctx: { rates },
    policy: { currency: 'EUR', auto_approve: { max_refund: 100_000 } },
    req: L2(),
    expect: {
      auto_approve: false,
      review_reasons: [
        { code: 'review_limit_unavailable', params: { currency: 'CNY', from_currency: 'EUR' } },
      ],
    },
  },
  {
    name: 'a ceiling converted: 10.00 EUR is 15.00 RUB, the 22.06 RUB refund goes to a person',
    country: 'RU',
    zone: 'Europe/Moscow',
    lines: twoLines(),
    order: { currency: 'RUB' },
    ctx: { rates },
    policy: {
      currency: 'EUR',
      change_of_mind: { return_shipping: 'merchant' },
      auto_approve: { max_refund: 1000 },
    },
    req: L2(),
    expect: {
      auto_approve: false,
      review_reasons: [
        { code: 'review_over_limit', params: { total: 2206, max_refund: 1500 } },
        { code: 'amount_converted', params: { from_amount: 1000, amount: 1500 } },
      ],
    },
  },
  {
    name: 'keep-the-item threshold converted: 30.00 EUR is 45.00 RUB, so the 22.06 RUB scarf stays',
    country: 'RU',
    zone: 'Europe/Moscow',
    lines: twoLines(),
    order: { currency: 'RUB' },
    ctx: { rates },
    policy: { currency: 'EUR', keep_item: { max_unit_value: 3000 } },
    req: L2(),
    expect: { lines: [{ keep_item: true }] },
    codes: ['keep_item_low_value', 'amount_converted'],
  },
  {
    name: 'an order-value rule in EUR does not match a RUB order below its converted bound',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    order: { currency: 'RUB' },
    ctx: { rates },
    // 100.00 EUR = 150.00 RUB; the order is 129.92 RUB
    policy: {
      currency: 'EUR',
      rules: [{ when: { order_value: { min: 10_000 } }, then: { window_days: 90 } }],
    },
    req: { ...L2(), at: '2026-05-01T12:00:00Z' },
    expect: { lines: [{ eligible: false }] },
  },
  {
    name: 'an order-value rule in EUR matches a RUB order above its converted bound',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    order: { currency: 'RUB' },
    ctx: { rates },
    // 50.00 EUR = 75.00 RUB; the order is 129.92 RUB
    policy: {
      currency: 'EUR',
      rules: [{ when: { order_value: { min: 5_000 } }, then: { window_days: 90 } }],
    },
    req: { ...L2(), at: '2026-05-01T12:00:00Z' },
    expect: { lines: [{ eligible: true }] },
  },
  {
    name: 'the same rule with a rouble bound of its own matches',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    order: { currency: 'RUB' },
    ctx: { rates },
    policy: {
      currency: 'EUR',
      rules: [
        {
          when: { order_value: { min: 10_000 }, order_value_by_currency: { RUB: { min: 10_000 } } },
          then: { window_days: 90 },
        },
      ],
    },
    req: { ...L2(), at: '2026-05-01T12:00:00Z' },
    expect: { lines: [{ eligible: true }] },
  },
] satisfies Scenario[]);
