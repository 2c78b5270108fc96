import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertMove,
  assertResolvable,
  CASE_KINDS,
  CASE_RESOLUTIONS,
  type CaseKind,
  type CaseStatus,
  isFinalCaseStatus,
  KINDS,
  nextStatuses,
} from './kinds.ts';

function reachable(kind: CaseKind): Set<CaseStatus> {
  const seen = new Set<CaseStatus>(['open']);
  const queue: CaseStatus[] = ['open'];
  while (queue.length) {
    const s = queue.shift() as CaseStatus;
    for (const next of nextStatuses(kind, s))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  }
  return seen;
}

describe.each(CASE_KINDS)('the %s case table', (kind) => {
  const spec = KINDS[kind];

  it('reaches every one of its statuses from open, and no other', () => {
    expect([...reachable(kind)].sort()).toEqual([...spec.statuses].sort());
  });

  it('has a way out of every status that is not final, and none out of a final one', () => {
    for (const s of spec.statuses) expect(nextStatuses(kind, s).length === 0).toBe(isFinalCaseStatus(s));
  });

  it('can end from every working status', () => {
    // from any status, some path ends in a final status (no dead loops)
    for (const s of spec.statuses) {
      const seen = new Set<CaseStatus>([s]);
      const queue = [s];
      let ends = isFinalCaseStatus(s);
      while (queue.length && !ends) {
        const cur = queue.shift() as CaseStatus;
        for (const n of nextStatuses(kind, cur)) {
          if (isFinalCaseStatus(n)) ends = true;
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
      expect(ends, `${kind}: ${s}`).toBe(true);
    }
  });

  it('refuses every resolution from a final status with illegal_transition', () => {
    for (const s of spec.statuses.filter(isFinalCaseStatus))
      for (const r of spec.resolutions) expect(() => assertResolvable(kind, s, r)).toThrowError(/already/);
  });
});

describe('case moves and resolutions', () => {
  it('follows the table for any kind, status and target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_KINDS),
        fc.constantFrom<CaseStatus>('open', 'waiting_customer', 'waiting_carrier', 'submitted', 'resolved'),
        fc.constantFrom<CaseStatus>(
          'open',
          'waiting_customer',
          'waiting_carrier',
          'submitted',
          'won',
          'lost',
        ),
        (kind, from, to) => {
          const allowed = (KINDS[kind].moves[from] ?? []).includes(to);
          let threw = false;
          try {
            assertMove(kind, from, to);
          } catch {
            threw = true;
          }
          expect(threw).toBe(!allowed);
        },
      ),
    );
  });

  it('refuses a resolution the kind does not offer with invalid_request', () => {
    for (const kind of CASE_KINDS)
      for (const r of CASE_RESOLUTIONS.filter((x) => !KINDS[kind].resolutions.includes(x)))
        expect(() => assertResolvable(kind, 'open', r)).toThrowError(/is not resolved by/);
  });

  it.each([
    ['address_change', 'update_address'],
    ['lost_parcel', 'reship'],
    ['item_problem', 'refund'],
    ['dispute', 'refund'],
    ['cancellation', 'refund'],
  ] as const)('a %s case resolves by %s from open', (kind, r) => {
    expect(() => assertResolvable(kind, 'open', r)).not.toThrow();
  });

  it('moves a dispute open -> submitted -> won, never back', () => {
    expect(() => assertMove('dispute', 'open', 'submitted')).not.toThrow();
    expect(() => assertMove('dispute', 'submitted', 'won')).not.toThrow();
    expect(() => assertMove('dispute', 'won', 'open')).toThrowError(/cannot go from won to open/);
  });
});
