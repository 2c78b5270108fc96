// The analytics period: presets counted back from the end of today, or any custom range (imported
// history such as the Olist orders of 2017 lies years back). Days are the viewer's calendar days.
import type { Period } from '../../api/analytics.ts';
import type { AnalyticsSummary, Interval } from '../../api/types.ts';

export const PRESETS = ['30d', '90d', '365d', 'all', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const DAY = 86_400_000;
// Before any store's first order: "all time" without guessing when the store opened.
const EPOCH = '1970-01-01T00:00:00.000Z';

export const isPreset = (v: string | null): v is Preset =>
  (PRESETS as readonly (string | null)[]).includes(v);
export const isInterval = (v: string | null): v is Interval => v === 'day' || v === 'week' || v === 'month';

/** Local midnight at the start of a YYYY-MM-DD day, as an instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`);

export function toDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** A stable period for the picker's choice (fixed instants, so the same choice reuses its data). */
export function periodOf(
  preset: Preset,
  from: string | null,
  to: string | null,
  today = new Date(),
): Period | null {
  const tomorrow = dayStart(toDay(new Date(today.getTime() + DAY)));
  if (preset === 'custom') {
    if (!from || !to) return null;
    const start = dayStart(from);
    const end = new Date(dayStart(to).getTime() + DAY); // the last day counts in full
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) return null;
    return { from: start.toISOString(), to: end.toISOString() };
  }
  if (preset === 'all') return { from: EPOCH, to: tomorrow.toISOString() };
  const days = Number.parseInt(preset, 10);
  return { from: new Date(tomorrow.getTime() - days * DAY).toISOString(), to: tomorrow.toISOString() };
}

/** About 10 to 60 points on the chart, whatever the range. */
export function autoInterval(preset: Preset, period: Period): Interval {
  if (preset === 'all') return 'month';
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY;
  return days <= 45 ? 'day' : days <= 400 ? 'week' : 'month';
}

/** Start of the bucket an instant falls in, as PostgreSQL's date_trunc(interval, t, 'UTC') does. */
export function bucketStart(t: Date, interval: Interval): Date {
  const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // back to Monday
  if (interval === 'month') d.setUTCDate(1);
  return d;
}

function nextBucket(d: Date, interval: Interval): Date {
  const n = new Date(d);
  if (interval === 'day') n.setUTCDate(n.getUTCDate() + 1);
  else if (interval === 'week') n.setUTCDate(n.getUTCDate() + 7);
  else n.setUTCMonth(n.getUTCMonth() + 1);
  return n;
}

export type Point = AnalyticsSummary['timeseries'][number];
const MAX_POINTS = 400;

/**
 * The server sends only periods with orders; a chart needs the quiet ones too. The whole period is
 * filled when that stays readable, else (all time by day) only the span that has data.
 */
export function fillSeries(series: Point[], period: Period, interval: Interval): Point[] {
  const byStart = new Map(series.map((p) => [new Date(p.period).toISOString(), p]));
  const first = series[0];
  const last = series.at(-1);
  let start = bucketStart(new Date(period.from), interval);
  let end = bucketStart(new Date(Date.parse(period.to) - 1), interval);
  let count = 0;
  for (let d = start; d <= end && count <= MAX_POINTS; d = nextBucket(d, interval)) count++;
  if (count > MAX_POINTS) {
    if (!first || !last) return [];
    start = new Date(first.period);
    end = new Date(last.period);
  }
  const out: Point[] = [];
  for (let d = start; d <= end && out.length <= MAX_POINTS * 4; d = nextBucket(d, interval)) {
    const key = d.toISOString();
    out.push(
      byStart.get(key) ?? { period: key, orders: 0, units_sold: 0, units_returned: 0, return_rate: null },
    );
  }
  return out;
}
