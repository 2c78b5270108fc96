import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertRedeemable, balanceOf, codeStatus } from './store-credit.ts';

const now = new Date('2026-12-04T12:00:00Z');

describe('store credit rules', () => {
  it('never lets a code go below zero, whatever sequence of grants and redemptions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ grant: fc.integer({ min: 1, max: 5000 }) }),
            fc.record({ redeem: fc.integer({ min: 1, max: 5000 }) }),
          ),
          { maxLength: 40 },
        ),
        (ops) => {
          const ledger: { amount: number }[] = [];
          let granted = 0;
          let redeemed = 0;
          for (const op of ops) {
            if ('grant' in op) {
              ledger.push({ amount: op.grant });
              granted += op.grant;
              continue;
            }
            const state = { currency: 'EUR', expires_at: null, voided_at: null, balance: balanceOf(ledger) };
            try {
              assertRedeemable(state, op.redeem, 'EUR', now);
              ledger.push({ amount: -op.redeem });
              redeemed += op.redeem;
            } catch (err) {
              expect((err as AppError).code).toBe('insufficient_credit');
            }
            expect(balanceOf(ledger)).toBeGreaterThanOrEqual(0);
          }
          expect(redeemed).toBeLessThanOrEqual(granted);
          expect(balanceOf(ledger)).toBe(granted - redeemed);
        },
      ),
    );
  });

  it.each([
    [{ voided_at: now, expires_at: null, balance: 10 }, 'void', 'credit_void'],
    [
      { voided_at: null, expires_at: new Date('2026-12-01T00:00:00Z'), balance: 10 },
      'expired',
      'credit_expired',
    ],
    [{ voided_at: null, expires_at: null, balance: 0 }, 'spent', 'insufficient_credit'],
  ] as const)('a %o code is %s and refuses with %s', (c, status, code) => {
    const state = { currency: 'EUR', ...c };
    expect(codeStatus(state, now)).toBe(status);
    expect(() => assertRedeemable(state, 1, 'EUR', now)).toThrow(AppError);
    try {
      assertRedeemable(state, 1, 'EUR', now);
    } catch (err) {
      expect((err as AppError).code).toBe(code);
    }
  });

  it('refuses another currency as a bad request', () => {
    const state = { currency: 'EUR', expires_at: null, voided_at: null, balance: 100 };
    expect(() => assertRedeemable(state, 1, 'USD', now)).toThrow(/in EUR/);
  });
});
