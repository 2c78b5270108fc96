import { describe, expect, it } from 'vitest';
import {
  decideAttempt,
  FREE_ATTEMPTS,
  type GuessCounter,
  lockSeconds,
  MAX_LOCK_SECONDS,
} from './guessing.ts';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('guessing limits', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [9, 480],
    [10, 900],
    [500, 900],
  ])('after %i attempts in a row the target locks for %i s', (attempts, seconds) => {
    expect(lockSeconds(attempts)).toBe(seconds);
  });

  it('refuses an attempt while locked, with the seconds left', () => {
    const counter = { attempts: 6, last_attempt_at: at(0), locked_until: at(60) };
    expect(decideAttempt(counter, at(15))).toEqual({ allowed: false, retry_after_seconds: 45 });
  });

  it('counts on after the lock runs out, and doubles the next lock', () => {
    const counter = { attempts: 6, last_attempt_at: at(0), locked_until: at(60) };
    const d = decideAttempt(counter, at(61));
    expect(d).toEqual({
      allowed: true,
      locks_now: false,
      counter: { attempts: 7, last_attempt_at: at(61), locked_until: at(61 + 120) },
    });
  });

  it('says when an attempt is the one that first locks, and starts over after a quiet day', () => {
    let counter: GuessCounter | undefined;
    for (let i = 1; i <= FREE_ATTEMPTS; i++) {
      const d = decideAttempt(counter, at(i));
      if (!d.allowed) throw new Error('refused');
      expect(d.locks_now).toBe(i === FREE_ATTEMPTS);
      counter = d.counter;
    }
    const later = decideAttempt(counter, at(2 * 86_400));
    expect(later.allowed && later.counter.attempts).toBe(1);
    expect(lockSeconds(40)).toBe(MAX_LOCK_SECONDS);
  });
});
