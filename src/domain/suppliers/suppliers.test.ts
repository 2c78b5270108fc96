import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateTable } from '../currency.ts';
import {
  acceptanceStatus,
  assertClaimStep,
  CLAIM_STATUSES,
  CLAIM_STEPS,
  claimLineAmount,
  nextClaimSteps,
} from './claims.ts';
import { type ReturnedUnits, supplierGaps, unitGap } from './gap.ts';
import { supplierPosition } from './position.ts';
import { reconcile } from './reconcile.ts';
import { readStoredTerms, supplierTermsSchema, termsForSku } from './terms.ts';

const DAY = 86_400_000;
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const terms = (over: Record<string, unknown> = {}) =>
  termsForSku(supplierTermsSchema.parse({ currency: 'USD', ...over }), null);

describe('supplier terms', () => {
  it('fills defaults, and an SKU override wins over the supplier default for that SKU only', () => {
    const t = supplierTermsSchema.parse({
      currency: 'usd',
      window_days: 15,
      sku_overrides: {
        'BAT-1': { accepts_returns: false },
        'CAB-1': { window_days: 60, remedy: 'replacement' },
      },
    });
    expect(t).toMatchObject({
      currency: 'USD',
      reasons: 'seller_fault',
      window_from: 'delivery',
      remedy: 'credit',
    });
    expect(termsForSku(t, 'BAT-1')).toMatchObject({
      accepts_returns: false,
      window_days: 15,
      overridden: ['accepts_returns'],
    });
    expect(termsForSku(t, 'CAB-1')).toMatchObject({
      window_days: 60,
      remedy: 'replacement',
      overridden: ['remedy', 'window_days'],
    });
    expect(termsForSku(t, 'OTHER')).toMatchObject({ accepts_returns: true, window_days: 15, overridden: [] });
    expect(termsForSku(t, null).overridden).toEqual([]);
  });

  it('refuses what is not terms, and reads the free-form {} of before as "none agreed"', () => {
    expect(supplierTermsSchema.safeParse({ currency: 'USD', window_days: -1 }).success).toBe(false);
    expect(
      supplierTermsSchema.safeParse({ currency: 'USD', sku_overrides: { X: { currency: 'EUR' } } }).success,
    ).toBe(false);
    expect(supplierTermsSchema.safeParse({ window_days: 7 }).success).toBe(false);
    expect(readStoredTerms({}, 'EUR')).toBeNull();
    expect(readStoredTerms({ window_days: 7 }, 'EUR')).toMatchObject({ currency: 'EUR', window_days: 7 });
  });
});

describe("the supplier's position on a unit", () => {
  const now = at('2026-12-04');
  const unit = (
    reason: string,
    delivered: string | null,
    reported = '2026-12-01',
    received: string | null = null,
  ) => ({
    reason,
    deliveredAt: delivered ? at(delivered) : null,
    receivedByStoreAt: received ? at(received) : null,
    reportedAt: at(reported),
  });
  it.each([
    [
      'faulty, inside 15 days from delivery',
      {},
      unit('defective', '2026-11-25'),
      true,
      '2026-12-10',
      'claimable',
    ],
    [
      'the claim deadline comes first',
      { claim_deadline_days: 5 },
      unit('defective', '2026-11-25'),
      true,
      '2026-12-06',
      'claimable',
    ],
    [
      'change of mind, faulty only',
      {},
      unit('changed_mind', '2026-11-25'),
      false,
      null,
      'change_of_mind_not_accepted',
    ],
    [
      'change of mind, any reason',
      { reasons: 'any' },
      unit('changed_mind', '2026-11-25'),
      true,
      '2026-12-10',
      'claimable',
    ],
    [
      'window ended before today',
      { window_days: 7 },
      unit('defective', '2026-11-20'),
      false,
      null,
      'window_passed',
    ],
    [
      'no returns at all',
      { accepts_returns: false },
      unit('defective', '2026-11-25'),
      false,
      null,
      'no_returns',
    ],
    [
      'from receipt by the store',
      { window_from: 'receipt_by_store', window_days: 10 },
      unit('defective', '2026-10-01', '2026-11-28', '2026-12-02'),
      true,
      '2026-12-12',
      'claimable',
    ],
    ['lost parcel, covered', {}, unit('lost_parcel', null), true, '2026-12-31', 'claimable'],
    [
      'lost parcel, not covered',
      { covers_lost_parcels: false },
      unit('lost_parcel', null),
      false,
      null,
      'lost_not_covered',
    ],
    [
      'deadline passed',
      { claim_deadline_days: 1, window_days: 60 },
      unit('wrong_item', '2026-11-25', '2026-11-30'),
      false,
      null,
      'claim_deadline_passed',
    ],
  ])('%s', (_name, over, u, claimable, until, code) => {
    const p = supplierPosition(terms({ window_days: 15, ...over }), u, now);
    expect(p.claimable).toBe(claimable);
    expect(p.until).toBe(until);
    expect(p.why.code).toBe(code);
    expect(p.why.message.length).toBeGreaterThan(10);
  });

  it('is never claimable after the day it names, and always names a day while it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('defective', 'wrong_item', 'changed_mind', 'lost_parcel'),
        (window, deadline, reportedAfter, todayAfter, reason) => {
          const delivered = new Date(Date.UTC(2026, 0, 1));
          const reported = new Date(delivered.getTime() + reportedAfter * DAY);
          const now = new Date(reported.getTime() + todayAfter * DAY);
          const p = supplierPosition(
            terms({ window_days: window, claim_deadline_days: deadline, reasons: 'any' }),
            { reason, deliveredAt: delivered, receivedByStoreAt: null, reportedAt: reported },
            now,
          );
          if (p.claimable) {
            expect(now.toISOString().slice(0, 10) <= p.until).toBe(true);
            expect(p.until <= new Date(reported.getTime() + deadline * DAY).toISOString().slice(0, 10)).toBe(
              true,
            );
          } else expect(p.until).toBeNull();
        },
      ),
    );
  });
});

describe('gaps between the store and a supplier', () => {
  const markets = [
    { country: 'DE', change_of_mind_days: 30, seller_fault_days: 365 },
    { country: 'FR', change_of_mind_days: 30, seller_fault_days: 365 },
    { country: 'US', change_of_mind_days: 14, seller_fault_days: 365 },
  ];
  const units = (over: Partial<ReturnedUnits>): ReturnedUnits => ({
    country: 'DE',
    reason: 'changed_mind',
    quantity: 1,
    days_after_delivery: 10,
    value: 1000,
    ...over,
  });

  it('names the window gap per market, with the units that fell in it and their cost', () => {
    const gaps = supplierGaps('SUP-3', terms({ reasons: 'any', window_days: 7 }), markets, [
      units({ days_after_delivery: 10, quantity: 2, value: 5000 }),
      units({ country: 'US', days_after_delivery: 6 }),
      units({ country: 'FR', days_after_delivery: 25, value: 300 }),
      units({ reason: 'defective', days_after_delivery: 40, value: 700 }),
    ]);
    const windows = gaps.filter((g) => g.kind === 'window');
    expect(windows.map((g) => [g.countries, g.store_days, g.units, g.value])).toEqual([
      [['DE', 'FR'], 30, 3, 5300],
      [['US'], 14, 0, 0],
    ]);
    expect(windows[0]?.message).toBe('Customers in DE, FR get 30 days, SUP-3 accepts 7 days.');
    expect(gaps.find((g) => g.kind === 'seller_fault_window')).toMatchObject({
      units: 1,
      value: 700,
      supplier_days: 7,
    });
  });

  it('a supplier that takes faulty units only leaves every change of mind with the store', () => {
    const gaps = supplierGaps('SUP-1', terms({ window_days: 400 }), markets.slice(0, 1), [
      units({ days_after_delivery: 1 }),
      units({ reason: 'wrong_item', days_after_delivery: 1 }),
    ]);
    expect(gaps.map((g) => [g.kind, g.units])).toEqual([['change_of_mind', 1]]);
  });

  it('counts every unit once: in exactly one gap or in none', () => {
    fc.assert(
      fc.property(
        fc.record({
          accepts_returns: fc.boolean(),
          reasons: fc.constantFrom('seller_fault', 'any'),
          window_days: fc.integer({ min: 0, max: 60 }),
          window_from: fc.constantFrom('delivery', 'receipt_by_store'),
          covers_lost_parcels: fc.boolean(),
        }),
        fc.array(
          fc.record({
            country: fc.constantFrom('DE', 'US', 'BR'),
            reason: fc.constantFrom('changed_mind', 'defective', 'wrong_item', 'lost_parcel', 'style'),
            quantity: fc.integer({ min: 1, max: 5 }),
            days_after_delivery: fc.option(fc.integer({ min: 0, max: 120 })),
            value: fc.integer({ min: 0, max: 100_000 }),
          }),
          { maxLength: 30 },
        ),
        (over, returned) => {
          const t = terms(over);
          const gaps = supplierGaps('S', t, markets, returned);
          const inGap = returned.filter((u) => unitGap(t, u) !== null);
          expect(gaps.reduce((s, g) => s + g.units, 0)).toBe(inGap.reduce((s, u) => s + u.quantity, 0));
          expect(gaps.reduce((s, g) => s + g.value, 0)).toBe(inGap.reduce((s, u) => s + u.value, 0));
        },
      ),
    );
  });
});

describe('claims', () => {
  it('allows each step only from its statuses', () => {
    expect(nextClaimSteps('draft')).toEqual(['send']);
    expect(nextClaimSteps('sent')).toEqual(['acknowledge', 'accept', 'reject']);
    expect(nextClaimSteps('partly_accepted')).toEqual(['credit']);
    expect(nextClaimSteps('credited')).toEqual([]);
    expect(nextClaimSteps('rejected')).toEqual([]);
    for (const status of CLAIM_STATUSES)
      for (const step of CLAIM_STEPS)
        if (nextClaimSteps(status).includes(step)) expect(() => assertClaimStep(status, step)).not.toThrow();
        else expect(() => assertClaimStep(status, step)).toThrow(/cannot be/);
  });

  it('is accepted in full only when every line is', () => {
    expect(acceptanceStatus([{ amount: 100, accepted_amount: 100 }])).toEqual({
      status: 'accepted',
      accepted: 100,
    });
    expect(
      acceptanceStatus([
        { amount: 100, accepted_amount: 100 },
        { amount: 50, accepted_amount: 20 },
      ]),
    ).toEqual({ status: 'partly_accepted', accepted: 120 });
    expect(claimLineAmount(1999, 10)).toBe(1799);
    expect(claimLineAmount(1800, 0)).toBe(1800);
  });
});

describe('reconciliation', () => {
  const rates = rateTable([{ day: '2026-11-01', base: 'EUR', quote: 'USD', rate: '1.08' }]);
  it('sums in the reporting currency and sets credits against refunds and replacements', () => {
    const r = reconcile(
      {
        refunded: [{ id: 'r1', amount: 5000, currency: 'EUR' }],
        replaced: [{ id: 'p1', amount: 1080, currency: 'USD' }],
        claimed: [{ id: 'c1', amount: 5400, currency: 'USD' }],
        credited: [{ id: 'k1', amount: 2160, currency: 'USD' }],
      },
      'EUR',
      rates,
      '2026-11-30',
    );
    expect(r).toMatchObject({
      refunded: 5000,
      replaced: 1000,
      claimed: 5000,
      credited: 2000,
      difference: 4000,
    });
    expect(r.recovered_share).toBeCloseTo(2000 / 6000, 10);
    // USD into EUR: the inverse of the stored EUR/USD rate
    expect(r.rates).toEqual([{ from: 'USD', rate: '0.92592593', day: '2026-11-01' }]);
  });

  it('never counts a credit twice, and keeps amounts without a rate apart', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), amount: fc.integer({ min: 0, max: 1e7 }) }),
          {
            maxLength: 20,
          },
        ),
        (credits) => {
          const entries = credits.map((c) => ({ ...c, currency: 'EUR' }));
          const r = reconcile(
            { refunded: [], replaced: [], claimed: [], credited: [...entries, ...entries] },
            'EUR',
            rates,
            '2026-11-30',
          );
          const once = new Map(entries.map((e) => [e.id, e.amount]));
          expect(r.credited).toBe([...once.values()].reduce((s, a) => s + a, 0));
        },
      ),
    );
    const r = reconcile(
      { refunded: [{ id: 'x', amount: 900, currency: 'BRL' }], replaced: [], claimed: [], credited: [] },
      'EUR',
      rates,
      '2026-11-30',
    );
    expect(r.refunded).toBe(0);
    expect(r.unconverted).toEqual([{ field: 'refunded', currency: 'BRL', amount: 900 }]);
  });
});
