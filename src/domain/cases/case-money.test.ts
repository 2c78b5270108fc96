import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderAmounts } from '../policy/amounts.ts';
import { makeLine, makeOrder } from '../policy/test-fixtures.ts';
import { cancellableQuantities, unitsRefund } from './case-money.ts';

describe('what a case pays back', () => {
  it('cancels the unshipped units of an order with nothing shipped, delivery included', () => {
    const order = makeOrder({ fulfillments: [] });
    const all = order.lines.map((l) => ({ line_id: l.id, quantity: l.quantity, from: 0 }));
    const r = unitsRefund(order, all, 'all');
    expect(r.total).toBe(orderAmounts(order).orderValue);
  });

  it('never pays more than the order, whatever way its units are split over cases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 10 }),
        (quantities, prices, shipping, chunks) => {
          const order = makeOrder({
            lines: quantities.map((q, i) =>
              makeLine({
                id: `L${i}`,
                quantity: q,
                unit_price: prices[i] ?? 100,
                discount: 0,
                tax: Math.floor(((prices[i] ?? 100) * q) / 5),
              }),
            ),
            discounts: [],
            shipping: { amount: shipping, tax: 0 },
            payments: [],
            fulfillments: [],
          });
          // units taken in chunks, line by line, each chunk after the previous (as cases do)
          let paidBack = 0;
          for (const [i, line] of order.lines.entries()) {
            let from = 0;
            let k = 0;
            while (from < line.quantity) {
              const q = Math.min(chunks[k++ % chunks.length] ?? 1, line.quantity - from);
              paidBack += unitsRefund(order, [{ line_id: line.id, quantity: q, from }], 'share').total;
              from += q;
            }
            expect(from).toBe(order.lines[i]?.quantity);
          }
          expect(paidBack).toBe(orderAmounts(order).orderValue);
        },
      ),
    );
  });

  it('offers only what has not shipped or been cancelled', () => {
    const order = makeOrder({
      lines: [makeLine({ id: 'L1', quantity: 3 }), makeLine({ id: 'L2', quantity: 1 })],
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 1 }],
          carrier: null,
          tracking_number: null,
          shipped_at: '2026-01-02T00:00:00Z',
          delivered_at: null,
        },
      ],
    });
    expect(cancellableQuantities(order, new Map([['L1', 1]]))).toEqual([
      { line_id: 'L1', quantity: 1 },
      { line_id: 'L2', quantity: 1 },
    ]);
  });
});
