// Return windows in the customer's calendar: the local day of delivery is day 0 and a window of N days
// ends at the end of day N, local time. Luxon does the calendar work. Its IANA zones ask Intl for the
// UTC offset on every call (microseconds each, several per operation), so luxon is handed zones that
// remember offsets per UTC day, and results are memoised by (zone, local date, period), which repeat
// across orders delivered on the same day.

import { DateTime, IANAZone } from 'luxon';

export interface Period {
  days?: number;
  months?: number;
  years?: number;
}

export interface Deadline {
  iso: string;
  ms: number;
}

const LIMIT = 200_000;
const DAY = 86_400_000;

/** An IANA zone whose offsets are cached per UTC day. A day whose first and last millisecond share
 *  an offset has no transition in it (zones change offset at most once a day), so one lookup serves
 *  it; on the two transition days a year every call is answered exactly. */
class CachedZone extends IANAZone {
  private readonly days = new Map<number, number>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY);
    const hit = this.days.get(day);
    if (hit !== undefined) return hit;
    const start = super.offset(day * DAY);
    if (start !== super.offset(day * DAY + DAY - 1)) return super.offset(ts);
    if (this.days.size >= LIMIT) this.days.clear();
    this.days.set(day, start);
    return start;
  }
}

const zones = new Map<string, CachedZone>();
const deadlines = new Map<string, Map<string, Map<number | string, Deadline>>>();
let deadlineCount = 0;

export function cachedZone(name: string): CachedZone {
  let z = zones.get(name);
  if (!z) {
    z = new CachedZone(name);
    if (!z.isValid) throw new RangeError(`unknown IANA time zone: ${name}`);
    zones.set(name, z);
  }
  return z;
}

/** UTC offset in minutes of `zoneName` at `ms`. */
export function offsetMinutes(zoneName: string, ms: number): number {
  return cachedZone(zoneName).offset(ms);
}

const dates = new Map<number, string>();

/** The local calendar date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(iso: string, zoneName: string): string {
  const ms = Date.parse(iso);
  const day = Math.floor((ms + offsetMinutes(zoneName, ms) * 60_000) / DAY);
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    if (dates.size >= LIMIT) dates.clear();
    dates.set(day, date);
  }
  return date;
}

/** End of the local day that is `period` after `date` (days first, then months and years). */
export function endOfLocalDay(date: string, zoneName: string, period: Period): Deadline {
  const days = period.days ?? 0;
  const months = period.months ?? 0;
  const years = period.years ?? 0;
  // nested maps: no key string is built on the hot path
  let byDate = deadlines.get(zoneName);
  if (!byDate) {
    byDate = new Map();
    deadlines.set(zoneName, byDate);
  }
  let byPeriod = byDate.get(date);
  if (!byPeriod) {
    byPeriod = new Map();
    byDate.set(date, byPeriod);
  }
  const key = months === 0 && years === 0 ? days : `${days}|${months}|${years}`;
  const hit = byPeriod.get(key);
  if (hit) return hit;
  const end = DateTime.fromISO(date, { zone: cachedZone(zoneName) })
    .plus({ days })
    .plus({ years, months })
    .endOf('day');
  const out = { iso: end.toISO() as string, ms: end.toMillis() };
  if (++deadlineCount >= LIMIT) {
    deadlines.clear();
    deadlineCount = 0;
  }
  byPeriod.set(key, out);
  return out;
}
