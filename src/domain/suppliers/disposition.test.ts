import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_RATES, rateTable } from '../currency.ts';
import { GRADES, type Grade } from '../returns/inspection.ts';
import {
  chooseDisposition,
  type DispositionCostsInput,
  type DispositionInput,
  dispositionCostsSchema,
  plainMoney,
  ROUTES,
} from './disposition.ts';
import type { SupplierPosition } from './position.ts';

const claimable = (over: Partial<Extract<SupplierPosition, { claimable: true }>> = {}): SupplierPosition => ({
  claimable: true,
  until: '2026-12-31',
  remedy: 'credit',
  restocking_fee_percent: 0,
  evidence: ['photos'],
  return_shipping_paid_by: 'store',
  why: { code: 'claimable', message: 'Claimable.' },
  ...over,
});
const notClaimable: SupplierPosition = {
  claimable: false,
  until: null,
  why: { code: 'window_passed', message: "The supplier's 30 days from delivery ended on 2026-11-01." },
};

const tables = (over: DispositionCostsInput = {}) =>
  dispositionCostsSchema.parse({
    currency: 'EUR',
    labels: {
      return_to_supplier: {
        default: [{ max_grams: 1000, cost: 1500 }],
        by_country: { DE: [{ max_grams: 1000, cost: 690 }] },
      },
      local_hub: [{ max_grams: 1000, cost: 450 }],
      customer_return: {
        default: [
          { max_grams: 1000, cost: 550 },
          { max_grams: 5000, cost: 950 },
        ],
      },
    },
    ...over,
  });

const base = (
  over: Partial<DispositionInput> = {},
  unit: Partial<DispositionInput['unit']> = {},
): DispositionInput => ({
  unit: {
    price: { amount: 2999, currency: 'EUR' },
    unit_cost: { amount: 1050, currency: 'EUR' },
    weight_grams: 400,
    grade: 'D',
    quantity: 1,
    country: 'DE',
    ...unit,
  },
  supplier: { country: 'DE', position: claimable() },
  with_customer: null,
  tables: tables(),
  rates: NO_RATES,
  day: '2026-12-04',
  ...over,
});

const costs = (input: DispositionInput) =>
  Object.fromEntries(chooseDisposition(input).options.map((o) => [o.route, o.net_cost]));

describe('chooseDisposition: concrete cases', () => {
  it('a defective unit claimable from a supplier in the same country goes back to it', () => {
    const c = chooseDisposition(base());
    // label 6.90 + handling 2.50 - credit 10.50 = -1.10; disposal 1.00 + 2.00 = 3.00
    expect(costs(base())).toEqual({ return_to_supplier: -110, dispose: 300 });
    expect(c.recommended).toBe('return_to_supplier');
    expect(c.explanation).toBe('return to supplier: cheaper than local disposal by 4.10 EUR.');
    expect(c.excluded.map((e) => e.route)).toEqual([
      'restock',
      'refurbish',
      'local_hub',
      'liquidate',
      'donate',
      'keep',
    ]);
  });

  it('past the supplier window local disposal wins, and the window is the reason', () => {
    const c = chooseDisposition(base({ supplier: { country: 'DE', position: notClaimable } }));
    expect(c.recommended).toBe('dispose');
    expect(c.explanation).toBe('local disposal: the only sensible route, at 3.00 EUR.');
    expect(c.excluded.find((e) => e.route === 'return_to_supplier')?.why).toContain('ended on 2026-11-01');
  });

  it('a supplier abroad costs its label and the import VAT lost on re-export: the opposite verdict', () => {
    const input = base({
      supplier: { country: 'CN', position: claimable() },
      tables: tables({ reexport_loss_percent: { de: 19 } }),
    });
    const c = chooseDisposition(input);
    // label 15.00 + handling 2.50 + 19 % of 10.50 (2.00) - credit 10.50 = 9.00
    expect(costs(input)).toEqual({ dispose: 300, return_to_supplier: 900 });
    expect(c.explanation).toBe('local disposal: cheaper than return to supplier by 6.00 EUR.');
    const rts = c.options.find((o) => o.route === 'return_to_supplier');
    expect(rts?.breakdown.map((l) => l.amount)).toEqual([1500, 200, 250, -1050]);
  });

  it('a supplier that pays the way and charges a restocking fee', () => {
    const input = base({
      supplier: {
        country: 'CN',
        position: claimable({ return_shipping_paid_by: 'supplier', restocking_fee_percent: 20 }),
      },
    });
    // handling 2.50 - (10.50 - 2.10) = -5.90
    expect(costs(input).return_to_supplier).toBe(-590);
  });

  it('the unit cost in another currency crosses at the store rate; none means no credit, said so', () => {
    const unitCost = { amount: 8400, currency: 'CNY' };
    const rates = rateTable([{ day: '2026-12-01', base: 'EUR', quote: 'CNY', rate: '8' }]);
    const withRate = chooseDisposition(base({ rates }, { unit_cost: unitCost }));
    expect(withRate.options.find((o) => o.route === 'return_to_supplier')?.net_cost).toBe(690 + 250 - 1050);
    const none = chooseDisposition(base({}, { unit_cost: unitCost }));
    const rts = none.options.find((o) => o.route === 'return_to_supplier');
    expect(rts?.net_cost).toBe(940);
    expect(rts?.notes).toContain('no CNY to EUR rate for the unit cost: left out');
  });

  it.each<[Grade, string, Record<string, number>]>([
    // price 29.99: restock A 100 % = -29.99 + 1.50; liquidate A 30 % = -9.00 + 1.00
    [
      'A',
      'restock',
      {
        restock: -2849,
        return_to_supplier: -110,
        local_hub: -2349,
        liquidate: -800,
        donate: 150,
        dispose: 300,
      },
    ],
    // B: restock 70 % = 20.99; refurbish 60 % = 17.99 - 8.00 - 3.00
    [
      'B',
      'restock',
      {
        restock: -1949,
        refurbish: -699,
        return_to_supplier: -110,
        local_hub: -1449,
        liquidate: -500,
        donate: 150,
        dispose: 300,
      },
    ],
    [
      'C',
      'refurbish',
      {
        refurbish: -699,
        return_to_supplier: -110,
        local_hub: -550,
        liquidate: -200,
        donate: 150,
        dispose: 300,
      },
    ],
  ])('grade %s: %s wins', (grade, winner, expected) => {
    const input = base({}, { grade });
    expect(costs(input)).toEqual(expected);
    expect(chooseDisposition(input).recommended).toBe(winner);
  });

  it('still with the customer: every route pays the return label, keeping it costs nothing', () => {
    const input = base(
      { with_customer: { country: 'FR' } },
      { grade: 'D', unit_cost: { amount: 500, currency: 'EUR' } },
    );
    const c = chooseDisposition(input);
    // return label 5.50 from FR on top: to the supplier 5.50 + 6.90 + 2.50 - 5.00 = 9.90
    expect(costs(input)).toEqual({ keep: 0, dispose: 850, return_to_supplier: 990 });
    expect(c.explanation).toBe('let the customer keep it: cheaper than local disposal by 8.50 EUR.');
  });

  it('the quantity multiplies handling and moves the parcel into a heavier band', () => {
    const input = base({ with_customer: { country: 'FR' } }, { quantity: 3 });
    const dispose = chooseDisposition(input).options.find((o) => o.route === 'dispose');
    expect(dispose?.breakdown).toEqual([
      { item: 'label from the customer in FR, 1200 g (band up to 5000 g)', amount: 950 },
      { item: 'disposal fee, 3 × 2.00 EUR', amount: 600 },
      { item: 'handling, 3 × 1.00 EUR', amount: 300 },
    ]);
  });

  it('a tie goes to the earlier route in the fixed order and says so', () => {
    // donating and disposing both cost 3.00
    const input = base({ supplier: null, tables: tables({ handling: { donate: 300 } }) }, { grade: 'C' });
    const c = chooseDisposition({
      ...input,
      tables: {
        ...input.tables,
        refurbish_cost: 100_000,
        liquidation_percent: { A: 0, B: 0, C: 0, D: 0 },
        resale_percent: { A: 0, B: 0, C: 0, D: 0 },
        handling: { ...input.tables.handling, liquidate: 300, local_hub: 0 },
      },
    });
    expect(c.options.slice(0, 3).map((o) => [o.route, o.net_cost])).toEqual([
      ['liquidate', 300],
      ['donate', 300],
      ['dispose', 300],
    ]);
    expect(c.recommended).toBe('liquidate');
    expect(c.tied_with).toEqual(['donate', 'dispose']);
    expect(c.explanation).toBe(
      'liquidate: costs the same as donate and local disposal (3.00 EUR); liquidate comes first in the fixed order of preference.',
    );
  });

  it('money is written with the currency after the number and its own decimals', () => {
    expect(plainMoney(410, 'EUR')).toBe('4.10 EUR');
    expect(plainMoney(-5, 'EUR')).toBe('-0.05 EUR');
    expect(plainMoney(1200, 'JPY')).toBe('1200 JPY');
    expect(plainMoney(1234, 'KWD')).toBe('1.234 KWD');
  });
});

const gradeArb = fc.constantFrom(...GRADES);
const money = fc.integer({ min: 0, max: 500_000 });
const inputArb = fc.record({
  grade: gradeArb,
  price: money,
  cost: fc.option(money, { nil: null }),
  weight: fc.option(fc.integer({ min: 1, max: 40_000 }), { nil: null }),
  quantity: fc.integer({ min: 1, max: 20 }),
  supplier: fc.option(
    fc.record({
      country: fc.constantFrom('DE', 'CN', 'US'),
      claim: fc.boolean(),
      fee: fc.integer({ min: 0, max: 100 }),
      payer: fc.constantFrom('store', 'supplier' as const),
      anyway: fc.boolean(),
    }),
    { nil: null },
  ),
  customer: fc.option(fc.constantFrom('FR', 'DE', 'BR'), { nil: null }),
  handling: fc.record({
    restock: money,
    refurbish: money,
    return_to_supplier: money,
    local_hub: money,
    liquidate: money,
    donate: money,
    dispose: money,
  }),
  disposal: money,
  loss: fc.integer({ min: 0, max: 40 }),
});

type ArbValue = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

const build = (a: ArbValue): DispositionInput =>
  base(
    {
      supplier: a.supplier && {
        country: a.supplier.country,
        position: a.supplier.claim
          ? claimable({ restocking_fee_percent: a.supplier.fee, return_shipping_paid_by: a.supplier.payer })
          : notClaimable,
        takes_back_anyway: a.supplier.anyway,
      },
      with_customer: a.customer ? { country: a.customer } : null,
      tables: tables({
        handling: a.handling,
        disposal_cost: a.disposal,
        reexport_loss_percent: { DE: a.loss },
      }),
    },
    {
      grade: a.grade,
      price: { amount: a.price, currency: 'EUR' },
      unit_cost: a.cost === null ? null : { amount: a.cost, currency: 'EUR' },
      weight_grams: a.weight,
      quantity: a.quantity,
    },
  );

describe('chooseDisposition: properties', () => {
  it('the recommended route is the cheapest, and the list is in order of cost then preference', () => {
    fc.assert(
      fc.property(inputArb, (a) => {
        const c = chooseDisposition(build(a));
        expect(c.options[0]?.route).toBe(c.recommended);
        for (const o of c.options) expect(c.options[0]?.net_cost).toBeLessThanOrEqual(o.net_cost);
        for (let i = 1; i < c.options.length; i++) {
          const [p, o] = [c.options[i - 1], c.options[i]];
          if (!p || !o) continue;
          expect(
            p.net_cost < o.net_cost ||
              (p.net_cost === o.net_cost && ROUTES.indexOf(p.route) < ROUTES.indexOf(o.route)),
          ).toBe(true);
        }
      }),
    );
  });

  it('every route is either an option or excluded with a reason, and only sensible ones are options', () => {
    fc.assert(
      fc.property(inputArb, (a) => {
        const input = build(a);
        const c = chooseDisposition(input);
        const offered = new Set(c.options.map((o) => o.route));
        expect([...offered, ...c.excluded.map((e) => e.route)].sort()).toEqual([...ROUTES].sort());
        expect(offered.has('dispose')).toBe(true);
        expect(offered.has('keep')).toBe(a.customer !== null);
        expect(offered.has('restock')).toBe(a.grade === 'A' || a.grade === 'B');
        expect(offered.has('refurbish')).toBe(a.grade === 'B' || a.grade === 'C');
        expect(offered.has('liquidate')).toBe(a.grade !== 'D');
        expect(offered.has('return_to_supplier')).toBe(
          a.supplier !== null && (a.supplier.claim || a.supplier.anyway),
        );
        for (const e of c.excluded) expect(e.why.length).toBeGreaterThan(0);
      }),
    );
  });

  it('each net cost is the sum of its breakdown, and the explanation states the gap to the next', () => {
    fc.assert(
      fc.property(inputArb, (a) => {
        const c = chooseDisposition(build(a));
        for (const o of c.options) expect(o.net_cost).toBe(o.breakdown.reduce((s, l) => s + l.amount, 0));
        const [best, next] = c.options;
        if (best && next && next.net_cost > best.net_cost)
          expect(c.explanation).toBe(
            `${best.label}: cheaper than ${next.label} by ${plainMoney(next.net_cost - best.net_cost, 'EUR')}.`,
          );
        if (c.tied_with.length) expect(c.explanation).toContain('fixed order of preference');
      }),
    );
  });

  it('a dearer handling for the recommended route never makes it cheaper than before', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 10_000 }), (a, extra) => {
        const before = chooseDisposition(build(a));
        const r = before.recommended;
        if (r === 'keep') return;
        const after = chooseDisposition(
          build({ ...a, handling: { ...a.handling, [r]: a.handling[r] + extra } }),
        );
        const o = after.options.find((x) => x.route === r);
        expect(o?.net_cost).toBe((before.options[0]?.net_cost ?? 0) + extra * a.quantity);
      }),
    );
  });
});
