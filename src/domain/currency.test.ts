import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertAmount, minorUnitDigits, priceIn, rateTable, sumIn } from './currency.ts';

describe('convertAmount', () => {
  it.each([
    // 5.95 EUR at 97.2031 RUB: 578.3584... -> 578.36 RUB
    [595, 'EUR', 'RUB', '97.2031', 57836],
    // 5.95 EUR at 161.52 JPY: 961.044 -> ¥961 (no minor unit)
    [595, 'EUR', 'JPY', '161.52', 961],
    // 5.95 EUR at 0.3301 KWD: 1.964095 -> 1.964 KWD (3 decimals)
    [595, 'EUR', 'KWD', '0.3301', 1964],
    // ¥800 at 0.0061913 EUR: 4.95304 -> 4.95 EUR
    [800, 'JPY', 'EUR', '0.0061913', 495],
    // half up: 0.125 -> 0.13
    [125, 'EUR', 'USD', '0.1', 13],
    [0, 'EUR', 'BRL', '6.1', 0],
  ])('%i %s -> %s at %s = %i', (amount, from, to, rate, want) => {
    expect(convertAmount(amount, from, to, rate)).toBe(want);
  });

  it('knows the ISO 4217 exponents', () => {
    expect([minorUnitDigits('JPY'), minorUnitDigits('KWD'), minorUnitDigits('EUR')]).toEqual([0, 3, 2]);
  });
});

describe('rateTable', () => {
  const table = rateTable([
    { day: '2026-11-01', base: 'EUR', quote: 'RUB', rate: '90' },
    { day: '2026-11-20', base: 'EUR', quote: 'RUB', rate: '100' },
    { day: '2026-11-20', base: 'EUR', quote: 'JPY', rate: '160' },
  ]);

  it('uses the newest rate on or before the day', () => {
    expect(table.convert(100, 'EUR', 'RUB', '2026-11-10')?.to.amount).toBe(9000);
    expect(table.convert(100, 'EUR', 'RUB', '2026-12-01')).toMatchObject({
      to: { amount: 10000 },
      day: '2026-11-20',
    });
    expect(table.convert(100, 'EUR', 'RUB', '2026-10-31')).toBeNull();
  });

  it('inverts a rate and crosses through a common currency, naming the rate it used', () => {
    expect(table.convert(10000, 'RUB', 'EUR', '2026-11-20')).toMatchObject({
      to: { amount: 100 },
      rate: '0.01',
    });
    // 100.00 RUB -> 1.00 EUR -> ¥160
    expect(table.convert(10000, 'RUB', 'JPY', '2026-11-20')).toMatchObject({
      to: { amount: 160, currency: 'JPY' },
      rate: '1.6',
    });
    expect(table.convert(100, 'EUR', 'CNY', '2026-11-20')).toBeNull();
  });
});

describe('priceIn', () => {
  const rates = rateTable([{ day: '2026-11-20', base: 'EUR', quote: 'RUB', rate: '100' }]);
  it('prefers the store amount for the currency, then converts, else has none', () => {
    expect(priceIn('JPY', 595, 'EUR', { JPY: 800 }, rates, '2026-12-01')).toEqual({
      amount: 800,
      how: 'given',
    });
    expect(priceIn('EUR', 595, 'EUR', {}, rates, '2026-12-01')).toEqual({ amount: 595, how: 'given' });
    expect(priceIn('RUB', 595, 'EUR', {}, rates, '2026-12-01')).toMatchObject({
      amount: 59500,
      how: 'converted',
    });
    expect(priceIn('CNY', 595, 'EUR', {}, rates, '2026-12-01')).toEqual({
      amount: null,
      how: 'unavailable',
      from: { amount: 595, currency: 'EUR' },
    });
  });

  it('a converted amount is always a whole number of the target minor unit, within half a unit', () => {
    const codes = fc.constantFrom('EUR', 'JPY', 'RUB', 'CNY', 'BRL', 'KWD');
    fc.assert(
      fc.property(
        codes,
        codes,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10 ** 8 }),
        (from, to, amount, r) => {
          const rate = (r / 10_000).toFixed(4);
          const got = convertAmount(amount, from, to, rate);
          expect(Number.isSafeInteger(got)).toBe(true);
          const exact = (amount / 10 ** minorUnitDigits(from)) * Number(rate) * 10 ** minorUnitDigits(to);
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.5 + exact * 1e-12);
        },
      ),
    );
  });
});

describe('sumIn', () => {
  it('adds converted amounts, names the rates, and keeps what it cannot convert apart', () => {
    const rates = rateTable([
      { day: '2026-11-01', base: 'EUR', quote: 'RUB', rate: '100' },
      { day: '2026-11-01', base: 'EUR', quote: 'JPY', rate: '160' },
    ]);
    const out = sumIn(
      'EUR',
      [
        { currency: 'EUR', amount: 1000 },
        { currency: 'RUB', amount: 50_000 },
        { currency: 'JPY', amount: 1600 },
        { currency: 'TWD', amount: 9900 },
        { currency: 'TWD', amount: 100 },
      ],
      rates,
      '2026-11-30',
    );
    expect(out).toEqual({
      currency: 'EUR',
      amount: 1000 + 500 + 1000,
      rates: [
        { from: 'JPY', rate: '0.00625', day: '2026-11-01' },
        { from: 'RUB', rate: '0.01', day: '2026-11-01' },
      ],
      unconverted: [{ currency: 'TWD', amount: 10_000 }],
    });
  });
});

describe('rateTable ties', () => {
  it('gives the same answer whatever order the rows come in: a direct rate beats an inverse one', () => {
    const a = { day: '2026-11-20', base: 'EUR', quote: 'RUB', rate: '100' };
    const b = { day: '2026-11-20', base: 'RUB', quote: 'EUR', rate: '0.0125' };
    for (const rows of [
      [a, b],
      [b, a],
    ]) {
      const table = rateTable(rows);
      expect(table.convert(595, 'EUR', 'RUB', '2026-12-01')?.to.amount).toBe(59_500);
      expect(table.convert(10_000, 'RUB', 'EUR', '2026-12-01')?.to.amount).toBe(125);
    }
  });
});
