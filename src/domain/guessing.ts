// Limits on guessing a secret for one target (a staff account's password, an order's email or
// postal code in the portal lookup), whatever address the guesses come from. Every attempt counts
// until it succeeds; after a few, each further attempt locks the target for twice as long as the
// one before, up to a ceiling. A success clears the count; so do 24 hours without an attempt.

/** attempts allowed in a row before the target locks */
export const FREE_ATTEMPTS = 5;
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;
export const RESET_AFTER_MS = 24 * 3_600_000;

export interface GuessCounter {
  attempts: number;
  last_attempt_at: Date;
  locked_until: Date | null;
}

/** Seconds the target stays locked after the `attempts`-th attempt in a row (0: not locked). */
export function lockSeconds(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(attempts - FREE_ATTEMPTS, 20));
}

export type AttemptDecision =
  | { allowed: false; retry_after_seconds: number }
  | { allowed: true; counter: GuessCounter; locks_now: boolean };

/** What one more attempt does to the counter, or why it is refused without being tried. */
export function decideAttempt(counter: GuessCounter | undefined, now: Date): AttemptDecision {
  if (counter?.locked_until && counter.locked_until > now)
    return {
      allowed: false,
      retry_after_seconds: Math.ceil((counter.locked_until.getTime() - now.getTime()) / 1000),
    };
  const fresh = !counter || now.getTime() - counter.last_attempt_at.getTime() > RESET_AFTER_MS;
  const attempts = fresh ? 1 : counter.attempts + 1;
  const lock = lockSeconds(attempts);
  return {
    allowed: true,
    counter: {
      attempts,
      last_attempt_at: now,
      locked_until: lock ? new Date(now.getTime() + lock * 1000) : null,
    },
    locks_now: attempts === FREE_ATTEMPTS,
  };
}
