import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultTimeZone } from '../jurisdictions.ts';
import { daytimeSchema, nextDaytime } from './local-hours.ts';

const at = (iso: string) => new Date(iso);
const local = (d: Date, zone: string) =>
  DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true });

describe('nextDaytime', () => {
  it.each([
    // 03:00 in Berlin (winter, UTC+1) waits for 08:00 the same morning
    ['2026-01-15T02:00:00Z', 'Europe/Berlin', '2026-01-15T08:00:00.000+01:00'],
    // inside the window: at once
    ['2026-01-15T12:00:00Z', 'Europe/Berlin', '2026-01-15T13:00:00.000+01:00'],
    // 21:30 in New York: the next morning
    ['2026-06-11T01:30:00Z', 'America/New_York', '2026-06-11T08:00:00.000-04:00'],
    // 20:00 sharp is already outside
    ['2026-06-10T18:00:00Z', 'Europe/Berlin', '2026-06-11T08:00:00.000+02:00'],
    // the night summer time starts in Europe (29 March 2026, 02:00 -> 03:00): 08:00 is UTC+2
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29T08:00:00.000+02:00'],
    // the night it ends (25 October 2026, 03:00 -> 02:00): 08:00 is UTC+1 again
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25T08:00:00.000+01:00'],
    // US spring forward (8 March 2026)
    ['2026-03-08T07:30:00Z', 'America/New_York', '2026-03-08T08:00:00.000-04:00'],
    // Shanghai has no summer time
    ['2026-07-01T15:00:00Z', 'Asia/Shanghai', '2026-07-02T08:00:00.000+08:00'],
  ])('%s in %s -> %s', (now, zone, expected) => {
    expect(local(nextDaytime(at(now), zone), zone)).toBe(
      DateTime.fromISO(expected, { setZone: true }).setZone(zone).toISO({ suppressMilliseconds: true }),
    );
  });

  it('skips the quiet days the store sets and the window the store chose', () => {
    const daytime = daytimeSchema.parse({
      from: '09:30',
      to: '18:00',
      quiet_days: ['2026-12-25', '2026-12-26'],
    });
    // 24 December 19:00 in Berlin: past 18:00, then two holidays -> 27 December 09:30
    expect(local(nextDaytime(at('2026-12-24T18:00:00Z'), 'Europe/Berlin', daytime), 'Europe/Berlin')).toBe(
      '2026-12-27T09:30:00+01:00',
    );
  });

  it("uses the destination's most populous zone when the customer's is unknown", () => {
    // 03:00 UTC is 00:00 in São Paulo: held until 08:00 there (11:00 UTC)
    expect(nextDaytime(at('2026-05-04T03:00:00Z'), defaultTimeZone('BR')).toISOString()).toBe(
      '2026-05-04T11:00:00.000Z',
    );
    // the United States: New York
    expect(nextDaytime(at('2026-05-04T03:00:00Z'), defaultTimeZone('US')).toISOString()).toBe(
      '2026-05-04T12:00:00.000Z',
    );
  });

  it('refuses a window that ends before it starts', () => {
    expect(daytimeSchema.safeParse({ from: '20:00', to: '08:00' }).success).toBe(false);
  });

  it('never goes back in time and always lands inside the window on a non-quiet day', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Tokyo',
      'America/Sao_Paulo',
      'Australia/Sydney',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (now, zone) => {
          const next = nextDaytime(now, zone);
          expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
          const l = DateTime.fromJSDate(next, { zone });
          const minute = l.hour * 60 + l.minute;
          expect(minute).toBeGreaterThanOrEqual(8 * 60);
          expect(minute).toBeLessThan(20 * 60);
          // and it is the first such instant: less than a day later
          expect(next.getTime() - now.getTime()).toBeLessThan(13 * 3600_000);
        },
      ),
    );
  });
});
