import { describe, expect, it } from 'vitest';
import { cachedZone, endOfLocalDay, localDate, luxonEndOfDay, type Period } from './windows.ts';

const DAY = 86_400_000;
// zones with transitions at or near midnight, half-hour and odd offsets, a skipped day (Apia,
// 2011-12-30), a half-hour DST (Lord Howe), Ramadan suspensions (Casablanca) and no DST at all
const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'America/Asuncion',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Asia/Beirut',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'UTC',
];
const PERIODS: Period[] = [
  { days: 0 },
  { days: 1 },
  { days: 14 },
  { days: 30 },
  { days: 14, months: 12 },
  { months: 1 },
  { years: 2 },
  { days: 31, months: 6 },
  { months: 24 },
];

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('endOfLocalDay', () => {
  it('answers exactly what luxon answers, across transitions, odd offsets and skipped days', () => {
    // the seasons of the transitions, and the days around Apia's skipped day
    const dates = [
      ...days('2011-12-15', '2012-01-10'),
      ...days('2025-03-01', '2025-04-30'),
      ...days('2025-09-01', '2025-11-15'),
    ];
    let i = 0;
    for (const zone of ZONES) {
      for (const date of dates) {
        // two periods per day, varied, so every period meets every kind of day
        for (const p of [PERIODS[i % PERIODS.length], PERIODS[(i * 7 + 3) % PERIODS.length]] as Period[]) {
          const want = luxonEndOfDay(date, cachedZone(zone), p.days ?? 0, p.months ?? 0, p.years ?? 0);
          expect(endOfLocalDay(date, zone, p), `${zone} ${date} ${JSON.stringify(p)}`).toEqual(want);
        }
        i++;
      }
    }
  });

  it('ends windows at the last millisecond of the local day', () => {
    expect(endOfLocalDay('2025-03-16', 'Europe/Berlin', { days: 14 })).toEqual({
      iso: '2025-03-30T23:59:59.999+02:00',
      ms: Date.parse('2025-03-30T21:59:59.999Z'),
    });
    expect(endOfLocalDay('2025-01-31', 'UTC', { months: 1 })).toEqual({
      iso: '2025-02-28T23:59:59.999+00:00',
      ms: Date.parse('2025-02-28T23:59:59.999Z'),
    });
    expect(endOfLocalDay('2025-06-01', 'Asia/Kathmandu', { days: 30 }).iso).toBe(
      '2025-07-01T23:59:59.999+05:45',
    );
  });
});

describe('localDate', () => {
  it('reads the calendar day in the zone', () => {
    expect(localDate('2025-03-30T22:30:00Z', 'Europe/Berlin')).toBe('2025-03-31');
    expect(localDate('2025-03-30T21:30:00Z', 'Europe/Berlin')).toBe('2025-03-30');
    expect(localDate('2025-11-02T03:30:00Z', 'America/New_York')).toBe('2025-11-01');
  });
});
