import { describe, expect, it } from 'vitest';
import { policySchema } from '../policy/policy.schema.ts';
import { addBusinessHours, caseSlaDueAt } from './sla.ts';

const bh = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };

describe('business-hour SLAs in the store zone', () => {
  it.each([
    // Friday 17:00 Berlin + 4h: 1h on Friday, 3h on Monday from 09:00 -> Monday 12:00 Berlin
    ['2026-12-04T16:00:00Z', 4, '2026-12-07T11:00:00.000Z'],
    // Saturday: starts Monday 09:00
    ['2026-12-05T10:00:00Z', 2, '2026-12-07T10:00:00.000Z'],
    // Tuesday 07:00 Berlin (before opening) + 9h = the whole Tuesday
    ['2026-12-08T06:00:00Z', 9, '2026-12-08T17:00:00.000Z'],
    // across the end of summer time: Friday 2026-10-23 17:00 CEST + 2h -> Monday 10:00 CET
    ['2026-10-23T15:00:00Z', 2, '2026-10-26T09:00:00.000Z'],
  ])('from %s plus %d business hours is %s', (from, hours, due) => {
    expect(addBusinessHours(from, 'Europe/Berlin', hours, bh)).toBe(due);
  });

  it('uses the kind SLA of the policy, calendar or business', () => {
    const policy = policySchema.parse({
      currency: 'EUR',
      cases: { sla: { inquiry: { hours: 10 }, cancellation: { hours: 1, clock: 'business' } } },
    });
    expect(caseSlaDueAt('inquiry', '2026-12-05T10:00:00.000Z', policy, 'Europe/Berlin')).toBe(
      '2026-12-05T20:00:00.000Z',
    );
    expect(caseSlaDueAt('cancellation', '2026-12-05T10:00:00.000Z', policy, 'Europe/Berlin')).toBe(
      '2026-12-07T09:00:00.000Z',
    );
  });
});
