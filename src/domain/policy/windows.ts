// Return windows in the customer's calendar: the local day of delivery is day 0 and a window of N days
// ends at the end of day N, local time. Luxon defines the calendar work; its IANA zones ask Intl for
// the UTC offset on every call (microseconds each, several per operation), so the zones used here
// remember offsets per UTC day, and results are memoised by (zone, local date, period), which repeat
// across orders delivered on the same day. Where no offset changes near any instant luxon would look
// at, its answer is plain calendar arithmetic and is computed so (see `endOfLocalDay`).

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
  /** per UTC day: the offset throughout it, or NaN when it changes during the day */
  private readonly days = new Map<number, number>();

  /** The zone's offset (minutes) throughout UTC day `day`, or NaN when it changes during that day. */
  dayOffset(day: number): number {
    let o = this.days.get(day);
    if (o === undefined) {
      const start = super.offset(day * DAY);
      o = start === super.offset(day * DAY + DAY - 1) ? start : Number.NaN;
      if (this.days.size >= LIMIT) this.days.clear();
      this.days.set(day, o);
    }
    return o;
  }

  override offset(ts: number): number {
    const o = this.dayOffset(Math.floor(ts / DAY));
    return Number.isNaN(o) ? super.offset(ts) : o; // NaN: a transition day, answered exactly
  }

  /** The offset at local wall time `local` (epoch ms with the offset baked in) when it is the same
   *  from the UTC day before `local`'s to the one after, i.e. over every instant within 24 h of it,
   *  else undefined. */
  steadyOffset(local: number): number | undefined {
    const day = Math.floor(local / DAY);
    const o = this.dayOffset(day);
    return o === this.dayOffset(day - 1) && o === this.dayOffset(day + 1) ? o : undefined;
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
  const zone = cachedZone(zoneName);
  const out =
    steadyEndOfDay(date, zone, days, months, years) ?? luxonEndOfDay(date, zone, days, months, years);
  if (++deadlineCount >= LIMIT) {
    deadlines.clear();
    deadlineCount = 0;
  }
  byPeriod.set(key, out);
  return out;
}

/** The definition: luxon's calendar arithmetic in the zone. */
export function luxonEndOfDay(
  date: string,
  zone: CachedZone,
  days: number,
  months: number,
  years: number,
): Deadline {
  const end = DateTime.fromISO(date, { zone }).plus({ days }).plus({ years, months }).endOf('day');
  return { iso: end.toISO() as string, ms: end.toMillis() };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * What `luxonEndOfDay` answers, without luxon, when no offset changes within a day of any local time
 * it looks at: the midnights of `date`, of `date` + days, of that + months/years and of the day after.
 * Luxon turns a local time into an instant by trying offsets of the zone (each within ±24 h), so when
 * the offset is one value A over all of them, each midnight M is the instant M - A, no day moves, and
 * `endOf('day')` (the next midnight, minus 1 ms) is next midnight - A - 1 ms, written with offset A.
 * Undefined when that does not hold (a transition nearby, an odd date or period): luxon answers then.
 */
function steadyEndOfDay(
  date: string,
  zone: CachedZone,
  days: number,
  months: number,
  years: number,
): Deadline | undefined {
  const m = ISO_DAY.exec(date);
  if (!m || !Number.isSafeInteger(days) || !Number.isSafeInteger(months) || !Number.isSafeInteger(years))
    return undefined;
  const y0 = Number(m[1]);
  const m0 = Number(m[2]);
  const d0 = Number(m[3]);
  if (y0 < 1000 || m0 < 1 || m0 > 12 || d0 < 1 || d0 > daysInMonth(y0, m0)) return undefined;
  const start = Date.UTC(y0, m0 - 1, d0);
  // plus({ days }): the same wall time `days` calendar days on
  const afterDays = Date.UTC(y0, m0 - 1, d0 + days);
  const t = new Date(afterDays);
  // plus({ years, months }): the month moves, the day is kept or clamped to the month's last
  const y1 = t.getUTCFullYear() + years;
  const m1 = t.getUTCMonth() + 1 + months;
  const mm = (((m1 - 1) % 12) + 12) % 12; // 0-based month after carrying into the year
  const yy = y1 + (m1 - 1 - mm) / 12;
  if (y1 < 1000 || yy < 1000) return undefined;
  const last = Date.UTC(yy, mm, Math.min(t.getUTCDate(), daysInMonth(yy, mm + 1)));
  const next = last + DAY;
  if (!(next < MAX_LOCAL)) return undefined;
  const a = zone.steadyOffset(next);
  if (
    a === undefined ||
    !Number.isInteger(a) ||
    zone.steadyOffset(start) === undefined ||
    zone.steadyOffset(afterDays) === undefined ||
    zone.steadyOffset(last) === undefined
  )
    return undefined;
  const abs = Math.abs(a);
  const offset = `${a < 0 ? '-' : '+'}${pad2(Math.trunc(abs / 60))}:${pad2(abs % 60)}`;
  const day = new Date(last).toISOString().slice(0, 10);
  return { iso: `${day}T23:59:59.999${offset}`, ms: next - a * 60 * 1000 - 1 };
}

/** Local midnights past year 9999 are written differently by luxon: left to it. */
const MAX_LOCAL = Date.UTC(9999, 11, 31);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
