// When a person must have acted on a new case: the kind's SLA from the policy, in calendar hours or
// in the team's business hours in the store's time zone (a case opened on Friday evening with a
// 4-business-hour SLA is due Monday at 13:00).
import { DateTime } from 'luxon';
import type { Policy } from '../policy/policy.schema.ts';
import type { CaseKind } from './kinds.ts';

type BusinessHours = Policy['cases']['business_hours'];

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** `hours` of working time after `fromIso`, counted only inside the working days and hours. */
export function addBusinessHours(fromIso: string, zone: string, hours: number, bh: BusinessHours): string {
  const start = minutesOf(bh.start);
  const end = minutesOf(bh.end);
  let left = hours * 60;
  let t = DateTime.fromISO(fromIso, { zone });
  // at most a few years of calendar days; a schedule always has at least one working day
  for (let guard = 0; guard < 3660 && left > 0; guard++) {
    const dayStart = t.startOf('day');
    const open = dayStart.plus({ minutes: start });
    const close = dayStart.plus({ minutes: end });
    if (bh.days.includes(t.weekday) && t < close) {
      const from = DateTime.max(open, t);
      const available = close.diff(from, 'minutes').minutes;
      if (available >= left) return from.plus({ minutes: left }).toUTC().toISO() as string;
      left -= available;
    }
    t = dayStart.plus({ days: 1 });
  }
  return t.toUTC().toISO() as string;
}

export function caseSlaDueAt(
  kind: CaseKind,
  createdAtIso: string,
  policy: Policy,
  storeZone: string,
): string {
  const sla = policy.cases.sla[kind];
  if (sla.clock === 'calendar')
    return new Date(Date.parse(createdAtIso) + sla.hours * 3_600_000).toISOString();
  return addBusinessHours(createdAtIso, storeZone, sla.hours, policy.cases.business_hours);
}
