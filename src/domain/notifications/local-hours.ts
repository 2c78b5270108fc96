// When news may reach a customer: inside their local daytime (08:00–20:00 unless the store sets
// other hours), never on a day the store keeps quiet (public holidays, given as local dates).
// Direct answers do not wait; only proactive messages go through here. Pure: the caller gives now.
import { DateTime } from 'luxon';
import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

export const daytimeSchema = z
  .strictObject({
    /** the first minute news may arrive, customer's local time */
    from: clock.default('08:00'),
    /** the end of the window (exclusive) */
    to: clock.default('20:00'),
    /** local dates when nothing proactive goes out, e.g. public holidays */
    quiet_days: z.array(z.iso.date()).max(366).default([]),
  })
  .refine((d) => d.from < d.to, { message: '`from` must come before `to`', path: ['to'] });
export type Daytime = z.output<typeof daytimeSchema>;
export const DEFAULT_DAYTIME: Daytime = { from: '08:00', to: '20:00', quiet_days: [] };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The first instant at or after `now` inside the customer's daytime in `timeZone`: `now` itself when
 * it already is. On a day whose start falls in a summer-time gap, Luxon moves the wall time forward
 * to the first one that exists.
 */
export function nextDaytime(now: Date, timeZone: string, daytime: Daytime = DEFAULT_DAYTIME): Date {
  const quiet = new Set(daytime.quiet_days);
  const from = minutesOf(daytime.from);
  const to = minutesOf(daytime.to);
  let local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: 'UTC' });
  for (let day = 0; day < 400; day++) {
    const date = local.toISODate() as string;
    const minute = local.hour * 60 + local.minute;
    if (!quiet.has(date) && minute < to) {
      if (minute >= from) return local.toJSDate();
      return local
        .set({ hour: Math.floor(from / 60), minute: from % 60, second: 0, millisecond: 0 })
        .toJSDate();
    }
    local = local.plus({ days: 1 }).startOf('day');
  }
  return now; // every day of a year is quiet: the store's settings are refused before this
}
