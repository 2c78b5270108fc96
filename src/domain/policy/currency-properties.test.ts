// Over random orders in EUR, JPY, RUB, CNY, BRL and KWD against a policy written in EUR: every fee,
// threshold and refund is in the order's currency and its minor unit, and is exactly the store's
// amount for that currency, or its EUR amount converted at the store's rate, or nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExchangeRate, minorUnitDigits, rateTable } from '../currency.ts';
import { decide } from './decide.ts';
import { policySchema } from './policy.schema.ts';
import { unpricedAmounts } from './pricing.ts';
import { makeContext, makeLine, makeOrder } from './test-fixtures.ts';

const CURRENCIES = ['EUR', 'JPY', 'RUB', 'CNY', 'BRL', 'KWD'] as const;
const OTHERS = CURRENCIES.filter((c) => c !== 'EUR');

/** EUR minor units to `to` minor units at rate r/10^4, half up: written apart from currency.ts */
function expectedConversion(eur: number, to: string, r: number): number {
  const num = BigInt(eur) * BigInt(r) * 10n ** BigInt(minorUnitDigits(to));
  const den = 10_000n * 100n;
  return Number((num * 2n + den) / (2n * den));
}

const arb = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  fee: fc.integer({ min: 0, max: 2000 }),
  ceiling: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null }),
  own: fc.dictionary(fc.constantFrom(...OTHERS), fc.integer({ min: 0, max: 5000 })),
  rates: fc.dictionary(fc.constantFrom(...OTHERS), fc.integer({ min: 1, max: 3_000_000 })),
  // lines worth more than any fee here, so no fee is capped by what the line paid
  units: fc.array(fc.integer({ min: 10_000_000, max: 50_000_000 }), { minLength: 1, maxLength: 3 }),
});

describe('policy money in the order currency', () => {
  it('fees and ceilings are the store amount, the converted EUR amount or nothing; never a mix', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const rows: ExchangeRate[] = Object.entries(s.rates).map(([quote, r]) => ({
          day: '2026-02-01',
          base: 'EUR',
          quote,
          rate: (r / 10_000).toFixed(4),
        }));
        const lines = s.units.map((p, i) =>
          makeLine({ id: `L${i}`, sku: `S${i}`, quantity: 1, unit_price: p, discount: 0, tax: 0, flags: [] }),
        );
        const base = makeOrder({ lines, discounts: [], shipping: { amount: 0, tax: 0 } });
        const paid = s.units.reduce((a, b) => a + b, 0);
        const order = {
          ...base,
          currency: s.currency,
          shipping_address: { ...base.shipping_address, country: 'US' },
          payments: [{ provider: 'manual' as const, reference: null, amount: paid }],
          fulfillments: [
            {
              ...(base.fulfillments[0] as (typeof base.fulfillments)[number]),
              lines: lines.map((l) => ({ line_id: l.id, quantity: 1 })),
            },
          ],
        };
        const policy = policySchema.parse({
          currency: 'EUR',
          change_of_mind: {
            window_days: 60,
            return_shipping_fee: s.fee,
            return_shipping_fee_by_currency: s.own,
          },
          auto_approve: { max_refund: s.ceiling },
        });
        const d = decide(
          makeContext({ order, policy, timeZone: 'America/New_York', rates: rateTable(rows) }),
          {
            reason: 'changed_mind',
            method: 'label',
            at: '2026-03-10T12:00:00Z',
          },
        );
        const r = s.rates[s.currency];
        const want =
          s.own[s.currency] ??
          (s.currency === 'EUR' || s.fee === 0
            ? s.fee
            : r !== undefined
              ? expectedConversion(s.fee, s.currency, r)
              : 0);
        expect(d.currency).toBe(s.currency);
        expect(d.totals.fees).toBe(want);
        expect(d.totals.total).toBe(paid - want);
        for (const l of d.lines)
          for (const v of Object.values(l.refund)) expect(Number.isSafeInteger(v)).toBe(true);
        const over = d.review_reasons.find((e) => e.code === 'review_over_limit');
        if (s.ceiling === null) expect(d.review_reasons).toEqual([]);
        else if (s.currency !== 'EUR' && r === undefined)
          expect(d.review_reasons.map((e) => e.code)).toEqual(['review_limit_unavailable']);
        else {
          const ceiling =
            s.currency === 'EUR' ? s.ceiling : expectedConversion(s.ceiling, s.currency, r as number);
          expect(over?.params.max_refund ?? null).toBe(d.totals.total > ceiling ? ceiling : null);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('unpricedAmounts', () => {
  it('names, per currency sold in, the amounts with neither an amount of their own nor a rate', () => {
    const policy = policySchema.parse({
      currency: 'EUR',
      change_of_mind: { return_shipping_fee: 595, return_shipping_fee_by_currency: { JPY: 800 } },
      keep_item: { max_unit_value: 3000 },
      auto_approve: { max_refund: null },
      rules: [{ when: { order_value: { min: 10_000 } }, then: { window_days: 60 } }],
    });
    const rates = rateTable([{ day: '2026-01-01', base: 'EUR', quote: 'RUB', rate: '100' }]);
    expect(unpricedAmounts(policy, ['EUR', 'RUB', 'JPY', 'TWD'], rates, '2026-02-01')).toEqual([
      { currency: 'JPY', fields: ['keep_item.max_unit_value', 'rules.1.when.order_value.min'] },
      {
        currency: 'TWD',
        fields: [
          'change_of_mind.return_shipping_fee',
          'keep_item.max_unit_value',
          'rules.1.when.order_value.min',
        ],
      },
    ]);
  });
});
