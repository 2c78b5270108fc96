// Store credit as a ledger: a code's balance is the sum of its entries (a grant adds, a redemption
// or a void takes away, a reversal gives a redemption back). Pure rules of what may happen next.
import { AppError } from './errors.ts';

export type EntryType = 'grant' | 'redeem' | 'void' | 'reversal';
export type CodeStatus = 'active' | 'spent' | 'expired' | 'void';

export interface CodeState {
  currency: string;
  expires_at: Date | null;
  voided_at: Date | null;
  balance: number;
}

export function codeStatus(c: CodeState, now: Date): CodeStatus {
  if (c.voided_at) return 'void';
  if (c.expires_at && c.expires_at <= now) return 'expired';
  return c.balance > 0 ? 'active' : 'spent';
}

/** Refuses a redemption the code cannot cover; answers the balance after it. */
export function assertRedeemable(c: CodeState, amount: number, currency: string, now: Date): number {
  if (currency !== c.currency)
    throw new AppError('invalid_request', `This credit is in ${c.currency}`, {
      errors: [{ path: 'currency', message: `the code is in ${c.currency}` }],
    });
  const status = codeStatus(c, now);
  if (status === 'void') throw new AppError('credit_void', 'This credit code was voided');
  if (status === 'expired') throw new AppError('credit_expired', 'This credit code has expired');
  if (amount > c.balance)
    throw new AppError('insufficient_credit', `The code holds ${c.balance}, less than ${amount}`, {
      balance: c.balance,
    });
  return c.balance - amount;
}

/** The sum a ledger of signed entries leaves, never read as negative by the rules above. */
export function balanceOf(entries: readonly { amount: number }[]): number {
  return entries.reduce((s, e) => s + e.amount, 0);
}
