import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paymentRooms, splitBreakdown, splitRefund } from './split-refund.ts';

const card = { position: 0, provider: 'card', amount: 6000 };
const giftcard = { position: 1, provider: 'giftcard', amount: 4000 };

describe('paymentRooms', () => {
  it('takes off what went back to each payment, in payment order whatever the input order', () => {
    expect(
      paymentRooms(
        [giftcard, card],
        [
          { position: 1, amount: 1500 },
          { position: 0, amount: 6000 },
        ],
      ),
    ).toEqual([
      { position: 0, provider: 'card', room: 0 },
      { position: 1, provider: 'giftcard', room: 2500 },
    ]);
  });

  it('counts refunds that name no payment against the payments in order', () => {
    expect(paymentRooms([card, giftcard], [{ position: null, amount: 7000 }])).toEqual([
      { position: 0, provider: 'card', room: 0 },
      { position: 1, provider: 'giftcard', room: 3000 },
    ]);
  });
});

describe('splitRefund', () => {
  const rooms = paymentRooms([card, giftcard], []);

  it('keeps a refund the first payment can take whole on it', () => {
    expect(splitRefund(2500, rooms)).toEqual([{ position: 0, provider: 'card', amount: 2500 }]);
  });

  it('fills the first payment, then the next', () => {
    expect(splitRefund(10000, rooms)).toEqual([
      { position: 0, provider: 'card', amount: 6000 },
      { position: 1, provider: 'giftcard', amount: 4000 },
    ]);
  });

  it('continues where earlier refunds stopped, and falls short when the payments are spent', () => {
    const after = paymentRooms([card, giftcard], [{ position: 0, amount: 5000 }]);
    expect(splitRefund(3000, after)).toEqual([
      { position: 0, provider: 'card', amount: 1000 },
      { position: 1, provider: 'giftcard', amount: 2000 },
    ]);
    expect(splitRefund(6000, after).reduce((s, p) => s + p.amount, 0)).toBe(5000);
  });

  const payments = fc
    .array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 5 })
    .map((amounts) => amounts.map((amount, position) => ({ position, provider: `p${position}`, amount })));

  it('never sends a payment more than it took, over any sequence of refunds', () => {
    fc.assert(
      fc.property(payments, fc.array(fc.integer({ min: 1, max: 60_000 }), { maxLength: 8 }), (pays, asks) => {
        const refunded: { position: number; amount: number }[] = [];
        for (const ask of asks) {
          const rooms = paymentRooms(pays, refunded);
          const left = rooms.reduce((s, r) => s + r.room, 0);
          const parts = splitRefund(ask, rooms);
          const total = parts.reduce((s, p) => s + p.amount, 0);
          expect(total).toBe(Math.min(ask, left));
          // Filled in order: every payment before the last one touched is now empty.
          const last = parts.at(-1)?.position ?? -1;
          for (const r of rooms.filter((r) => r.position < last)) {
            const took = parts.find((p) => p.position === r.position)?.amount ?? 0;
            expect(took).toBe(r.room);
          }
          // A caller issues only a refund the payments can take whole.
          if (total === ask) refunded.push(...parts);
        }
        for (const p of pays) {
          const back = refunded.filter((r) => r.position === p.position).reduce((s, r) => s + r.amount, 0);
          expect(back).toBeLessThanOrEqual(p.amount);
        }
      }),
    );
  });
});

describe('splitBreakdown', () => {
  it('shares each component so the parts add up to the whole, with each total its amount', () => {
    const parts = splitBreakdown(
      { items: 8498, tax: 1520, shipping: 594, fees: 0, deductions: 0, total: 10612 },
      [6000, 4612],
    );
    expect(parts.map((p) => p.total)).toEqual([6000, 4612]);
    for (const key of ['items', 'tax', 'shipping'] as const)
      expect((parts[0]?.[key] ?? 0) + (parts[1]?.[key] ?? 0)).toBe(
        { items: 8498, tax: 1520, shipping: 594 }[key],
      );
    expect(parts[0]?.shipping).toBe(336);
  });
});
