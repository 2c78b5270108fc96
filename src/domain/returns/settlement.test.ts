import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SettlementLine, settleReturn } from './settlement.ts';

const line = (over: Partial<SettlementLine> = {}): SettlementLine => ({
  line_id: 'L1',
  quantity: 3,
  received_quantity: 3,
  deduction: 0,
  refund: { items: 10000, tax: 1901, shipping: 0, fees: 595, total: 11306 },
  ...over,
});

describe('settleReturn', () => {
  it('pays the decision in full when everything came back', () => {
    const s = settleReturn({
      resolution: 'refund',
      lines: [line()],
      decision: {},
      storeCreditBonusPercent: 10,
    });
    expect(s.refund).toBe(11306);
    expect(s.breakdown).toEqual({
      items: 10000,
      tax: 1901,
      shipping: 0,
      fees: 595,
      deductions: 0,
      total: 11306,
    });
  });

  it('pays only the units that arrived, by largest remainder', () => {
    const s = settleReturn({
      resolution: 'refund',
      lines: [line({ received_quantity: 1 })],
      decision: {},
      storeCreditBonusPercent: 0,
    });
    // 10000/3 -> 3334 for the first unit; 1901/3 -> 634; 595/3 -> 199
    expect(s.breakdown.items).toBe(3334);
    expect(s.breakdown.tax).toBe(634);
    expect(s.breakdown.fees).toBe(199);
    expect(s.refund).toBe(3334 + 634 - 199);
  });

  it('takes inspection deductions off, never below zero', () => {
    const s = settleReturn({
      resolution: 'refund',
      lines: [line({ deduction: 1306 })],
      decision: {},
      storeCreditBonusPercent: 0,
    });
    expect(s.refund).toBe(10000);
    const t = settleReturn({
      resolution: 'refund',
      lines: [line({ deduction: 99999 })],
      decision: {},
      storeCreditBonusPercent: 0,
    });
    expect(t.refund).toBe(0);
  });

  it('adds the store-credit bonus, rounded half up', () => {
    const s = settleReturn({
      resolution: 'store_credit',
      lines: [line()],
      decision: {},
      storeCreditBonusPercent: 10,
    });
    expect(s.refund).toBe(0);
    expect(s.store_credit_bonus).toBe(1131); // 1130.6 -> 1131
    expect(s.store_credit).toBe(12437);
  });

  it('keeps the item: pays without receipt and ignores deductions', () => {
    const s = settleReturn({
      resolution: 'keep_item',
      lines: [line({ received_quantity: 0, deduction: 500 })],
      decision: {},
      storeCreditBonusPercent: 0,
    });
    expect(s.refund).toBe(11306);
  });

  it('exchange: pays back the cheaper difference, records what a dearer one costs', () => {
    const cheaper = settleReturn({
      resolution: 'exchange',
      lines: [line()],
      decision: { exchange: { difference: -1000, fees: 0, due_from_customer: 0, refund: 1000 } },
      storeCreditBonusPercent: 0,
    });
    expect(cheaper.refund).toBe(1000);
    const dearer = settleReturn({
      resolution: 'exchange',
      lines: [line()],
      decision: { exchange: { difference: 700, fees: 0, due_from_customer: 700, refund: 0 } },
      storeCreditBonusPercent: 0,
    });
    expect(dearer.refund).toBe(0);
    expect(dearer.due_from_customer).toBe(700);
  });

  it('never pays more than the decision, whatever arrives and is deducted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 5000 }),
        (quantity, received, items, tax, deduction) => {
          const total = items + tax;
          const s = settleReturn({
            resolution: 'refund',
            lines: [
              line({
                quantity,
                received_quantity: received,
                deduction,
                refund: { items, tax, shipping: 0, fees: 0, total },
              }),
            ],
            decision: {},
            storeCreditBonusPercent: 0,
          });
          expect(s.refund).toBeGreaterThanOrEqual(0);
          expect(s.refund).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});
