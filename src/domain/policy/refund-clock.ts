// Deadlines a return's console tracks: when a person must have reviewed it, and when the refund is
// due. The legal clock runs from the request (EU/EEA/UK 14 days, Russia 10) or from receipt of the
// goods (China 7 days, Brazil at once); the store's own SLA runs in business days from inspection
// (Saturdays and Sundays skipped in the store's zone). The earlier one that is known wins. Day-based
// clocks end at the end of their last day in the store's zone.

import { DateTime } from 'luxon';
import { jurisdictionFor } from '../jurisdictions.ts';
import type { Policy } from './policy.schema.ts';

/** `review_sla_hours` calendar hours after the request. */
export function reviewSlaDueAt(requestedAt: string, policy: Pick<Policy, 'review_sla_hours'>): string {
  return new Date(Date.parse(requestedAt) + policy.review_sla_hours * 3_600_000).toISOString();
}

/** End of the local day `days` calendar days after the day of `iso`. */
function endOfDayAfter(iso: string, zone: string, days: number): DateTime {
  return DateTime.fromISO(iso, { zone }).plus({ days }).endOf('day');
}

/** End of the `n`th business day after the day of `iso` (n = 0: the end of that day). */
export function addBusinessDays(iso: string, zone: string, n: number): DateTime {
  let day = DateTime.fromISO(iso, { zone });
  for (let left = n; left > 0; ) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left--;
  }
  return day.endOf('day');
}

export interface RefundClockInput {
  /** destination country (ISO 3166-1 alpha-2) */
  destination: string;
  requestedAt: string;
  receivedAt: string | null;
  inspectedAt: string | null;
  storeTimeZone: string;
  policy: Pick<Policy, 'refund_sla_business_days'>;
}

/** When the refund is due, or null when nothing that starts a clock has happened yet. */
export function refundDueAt(input: RefundClockInput): string | null {
  const zone = input.storeTimeZone;
  const candidates: DateTime[] = [];
  const clock = jurisdictionFor(input.destination).refundClock;
  if (clock) {
    const start = clock.from === 'request' ? input.requestedAt : input.receivedAt;
    if (start !== null) {
      // "immediately" (Brazil) is the moment of receipt itself
      candidates.push(
        clock.days === 0 ? DateTime.fromISO(start, { zone }) : endOfDayAfter(start, zone, clock.days),
      );
    }
  }
  if (input.inspectedAt !== null)
    candidates.push(addBusinessDays(input.inspectedAt, zone, input.policy.refund_sla_business_days));
  if (candidates.length === 0) return null;
  const due = candidates.reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a));
  return due.toISO();
}
