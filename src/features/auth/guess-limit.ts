// Runs a guess at a secret (a password, an order's email or postal code) under the target's
// guessing limit (domain/guessing.ts), counted in the database so every process shares it. The
// attempt is counted, in its own committed transaction, before it is tried: fifty guesses sent at
// once from fifty addresses cannot all slip in before the first failure is written.
import type { Kysely } from 'kysely';
import type { DB, Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { decideAttempt, type GuessCounter } from '../../domain/guessing.ts';
import {
  clearGuessCounter,
  insertSecurityEvent,
  lockGuessCounter,
  saveGuessCounter,
} from './guess.queries.ts';
import { findUsersByEmail } from './users.queries.ts';

export interface GuessTarget {
  /** e.g. "signin:anna@example.com" or "lookup:<store id>:<order number>" */
  subject: string;
  storeId: string | null;
  /** what to record (audit events) when this attempt fails and locks the target for the first time */
  onLock(trx: Tx, counter: GuessCounter): Promise<void>;
}

/** A failed guess: the refusal the caller gives for a wrong secret. */
const isWrongGuess = (err: unknown) =>
  err instanceof AppError && (err.code === 'unauthorized' || err.code === 'not_found');

export async function guarded<T>(
  db: Kysely<DB>,
  target: GuessTarget,
  attempt: () => Promise<T>,
  now = new Date(),
): Promise<T> {
  const decision = await db.transaction().execute(async (trx) => {
    const d = decideAttempt(await lockGuessCounter(trx, target.subject, target.storeId), now);
    if (d.allowed) await saveGuessCounter(trx, target.subject, d.counter);
    return d;
  });
  if (!decision.allowed)
    throw new AppError(
      'rate_limited',
      `Too many attempts: try again in ${decision.retry_after_seconds} seconds`,
      { retry_after: decision.retry_after_seconds },
    );
  try {
    const result = await attempt();
    await clearGuessCounter(db, target.subject);
    return result;
  } catch (err) {
    if (decision.locks_now && isWrongGuess(err))
      await db.transaction().execute((trx) => target.onLock(trx, decision.counter));
    throw err;
  }
}

/** A staff sign-in: one counter per email across stores, whether or not an account has it, so a
 * lock tells nothing about which addresses have accounts. */
export function signInTarget(email: string): GuessTarget {
  const address = email.trim().toLowerCase();
  return {
    subject: `signin:${address}`,
    storeId: null,
    async onLock(trx, counter) {
      for (const user of await findUsersByEmail(trx, address))
        await insertSecurityEvent(trx, {
          store_id: user.store_id,
          type: 'account_locked',
          subject: `user:${user.id}`,
          data: JSON.stringify({
            email: user.email,
            attempts: counter.attempts,
            locked_until: counter.locked_until,
          }),
        });
    },
  };
}

/** A portal lookup: one counter per store and order number, whether or not the order exists. */
export function lookupTarget(storeId: string, orderNumber: string): GuessTarget {
  const number = orderNumber.trim();
  return {
    subject: `lookup:${storeId}:${number}`,
    storeId,
    async onLock(trx, counter) {
      await insertSecurityEvent(trx, {
        store_id: storeId,
        type: 'portal_lookup_locked',
        subject: `order_number:${number}`,
        data: JSON.stringify({
          order_number: number,
          attempts: counter.attempts,
          locked_until: counter.locked_until,
        }),
      });
    },
  };
}
