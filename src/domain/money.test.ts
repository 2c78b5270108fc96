import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, minorUnitDigits, percentOf, unitRangeShare } from './money.ts';

const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 });

describe('allocate', () => {
  it('splits 1000 over 9498 / 2000 as 826 / 174 (largest remainder)', () => {
    expect(allocate(1000, [9498, 2000])).toEqual([826, 174]);
  });
  it('gives ties to the earlier index and splits evenly over zero weights', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(7, [])).toEqual([]);
  });
  it('refuses a fractional total or a negative weight', () => {
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
    expect(() => allocate(1, [-1])).toThrow(RangeError);
  });

  it('parts always add up to the whole', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const parts = allocate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (const p of parts) expect(Number.isInteger(p)).toBe(true);
      }),
    );
  });

  it('gives what the sorting definition gives, ties, zeros and huge weights included', () => {
    // the definition: parts by floor, then one each by largest remainder, ties to the earlier index
    const reference = (total: number, ws: number[]) => {
      const sum = ws.reduce((a, b) => a + b, 0);
      const eff = sum === 0 ? ws.map(() => 1) : ws;
      const effSum = sum === 0 ? ws.length : sum;
      const abs = Math.abs(total);
      const parts = eff.map((w) => Math.floor((abs * w) / effSum));
      let rest = abs - parts.reduce((a, b) => a + b, 0);
      const order = eff
        .map((w, i) => ({ i, rem: (abs * w) % effSum }))
        .sort((a, b) => b.rem - a.rem || a.i - b.i);
      for (const { i } of order) {
        if (rest === 0) break;
        parts[i] = (parts[i] ?? 0) + 1;
        rest--;
      }
      return parts.map((p) => p * (total < 0 ? -1 : 1));
    };
    const small = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 12 });
    const huge = fc.array(fc.double({ min: 0, max: 1e20, noNaN: true }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(amount, fc.oneof(weights, small, huge), (total, ws) => {
        expect(allocate(total, ws)).toEqual(reference(total, ws));
      }),
      { numRuns: 2000 },
    );
  });

  it('each part is within one minor unit of its exact proportional share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), weights, (total, ws) => {
        const sum = ws.reduce((a, b) => a + b, 0);
        const parts = allocate(total, ws);
        parts.forEach((p, i) => {
          const exact = sum === 0 ? total / ws.length : (total * (ws[i] ?? 0)) / sum;
          expect(Math.abs(p - exact)).toBeLessThan(1);
        });
      }),
    );
  });

  it('a zero weight gets nothing while another weight is positive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weights, (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        allocate(total, ws).forEach((p, i) => {
          if (ws[i] === 0) expect(p).toBe(0);
        });
      }),
    );
  });
});

describe('unitRangeShare', () => {
  it('spreads 8498 over 2 units as 4249 + 4249 and 1000 over 3 as 334 + 333 + 333', () => {
    expect(unitRangeShare(8498, 2, 0, 1)).toBe(4249);
    expect([0, 1, 2].map((i) => unitRangeShare(1000, 3, i, 1))).toEqual([334, 333, 333]);
    expect(unitRangeShare(1000, 3, 1, 2)).toBe(666);
    expect(unitRangeShare(1000, 3, 2, 5)).toBe(333);
    expect(unitRangeShare(1000, 0, 0, 1)).toBe(0);
  });

  it('consecutive ranges of any sequence of returns add up exactly to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 60 }),
        (total, quantity, steps) => {
          let from = 0;
          let sum = 0;
          for (const step of steps) {
            if (from >= quantity) break;
            const count = Math.min(step, quantity - from);
            const share = unitRangeShare(total, quantity, from, count);
            expect(share).toBeGreaterThanOrEqual(0);
            sum += share;
            from += count;
          }
          expect(sum).toBeLessThanOrEqual(total);
          if (from === quantity) expect(sum).toBe(total);
          expect(unitRangeShare(total, quantity, 0, quantity)).toBe(total);
        },
      ),
    );
  });

  it('no two units differ by more than one minor unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 40 }), (total, q) => {
        const units = Array.from({ length: q }, (_, i) => unitRangeShare(total, q, i, 1));
        expect(Math.max(...units) - Math.min(...units)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('percentOf and minor units', () => {
  it.each([
    [1826, 15, 274],
    [4336, 10, 434],
    [5009, 10, 501],
    [1000, 12.5, 125],
    [5, 10, 1],
    [4, 10, 0],
    [0, 50, 0],
  ])('%i x %d%% = %i (half up)', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });
  it('never exceeds the amount for percents up to 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100 }), (a, p) => {
        const fee = percentOf(a, p);
        expect(fee).toBeGreaterThanOrEqual(0);
        expect(fee).toBeLessThanOrEqual(a);
      }),
    );
  });
  it('knows 0- and 3-decimal currencies', () => {
    expect([minorUnitDigits('JPY'), minorUnitDigits('EUR'), minorUnitDigits('KWD')]).toEqual([0, 2, 3]);
  });
});
