import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  FINAL_STATUSES,
  INITIAL_STATUS,
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  type ReturnStatus,
} from './lifecycle.ts';

function reachable(keepItem: boolean): Set<ReturnStatus> {
  const seen = new Set<ReturnStatus>([INITIAL_STATUS]);
  const queue: ReturnStatus[] = [INITIAL_STATUS];
  while (queue.length) {
    const s = queue.shift() as ReturnStatus;
    for (const next of RETURN_TRANSITIONS[s]) {
      if (canTransition(s, next, { keepItem }) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('return lifecycle', () => {
  it('reaches every status from requested', () => {
    const all = new Set([...reachable(false), ...reachable(true)]);
    expect([...all].sort()).toEqual([...RETURN_STATUSES].sort());
  });

  it('reaches completed through the warehouse without keep-item', () => {
    expect(reachable(false).has('completed')).toBe(true);
  });

  it('has exits from every non-final status and none from final ones', () => {
    for (const s of RETURN_STATUSES) {
      expect(RETURN_TRANSITIONS[s].length === 0).toBe(FINAL_STATUSES.includes(s));
    }
  });

  it.each([
    ['requested', 'approved', true],
    ['requested', 'received', false],
    ['approved', 'in_transit', true],
    ['in_transit', 'approved', false],
    ['received', 'completed', false],
    ['inspected', 'completed', true],
    ['completed', 'canceled', false],
  ] as const)('%s -> %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('lets approved complete only for keep-the-item', () => {
    expect(canTransition('approved', 'completed')).toBe(false);
    expect(canTransition('approved', 'completed', { keepItem: true })).toBe(true);
    expect(() => assertTransition('approved', 'completed')).toThrowError(/keep-the-item/);
  });

  it('refuses with the illegal_transition code', () => {
    try {
      assertTransition('rejected', 'approved');
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('illegal_transition');
    }
  });
});
