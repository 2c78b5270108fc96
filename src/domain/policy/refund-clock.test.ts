import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.schema.ts';
import { addBusinessDays, refundDueAt, reviewSlaDueAt } from './refund-clock.ts';

const policy = { refund_sla_business_days: 3 };
// 2026-03-10 is a Tuesday; 2026-03-13 a Friday.
const base = {
  requestedAt: '2026-03-10T09:00:00Z',
  receivedAt: null,
  inspectedAt: null,
  storeTimeZone: 'Europe/Berlin',
  policy,
};

describe('reviewSlaDueAt', () => {
  it('counts calendar hours from the request', () => {
    expect(reviewSlaDueAt('2026-03-10T09:00:00Z', defaultPolicy)).toBe('2026-03-11T09:00:00.000Z');
    expect(reviewSlaDueAt('2026-03-13T18:30:00+01:00', { review_sla_hours: 72 })).toBe(
      '2026-03-16T17:30:00.000Z',
    );
  });
});

describe('refundDueAt', () => {
  it.each([
    ['EU: 14 days after the request', { destination: 'DE' }, '2026-03-24T23:59:59.999+01:00'],
    [
      'UK: 14 days after the request',
      { destination: 'GB', storeTimeZone: 'Europe/London' },
      '2026-03-24T23:59:59.999+00:00',
    ],
    ['RU: 10 days after the request', { destination: 'RU' }, '2026-03-20T23:59:59.999+01:00'],
    ['CN: nothing known before the goods are back', { destination: 'CN' }, null],
    [
      'CN: 7 days after receipt',
      { destination: 'CN', receivedAt: '2026-03-12T10:00:00Z' },
      '2026-03-19T23:59:59.999+01:00',
    ],
    [
      'BR: at receipt',
      { destination: 'BR', receivedAt: '2026-03-12T10:00:00Z' },
      '2026-03-12T11:00:00.000+01:00',
    ],
    ['BR: nothing known before receipt', { destination: 'BR' }, null],
    ['US: no legal clock, nothing before inspection', { destination: 'US' }, null],
    [
      'US: 3 business days after a Friday inspection skip the weekend',
      { destination: 'US', inspectedAt: '2026-03-13T15:00:00Z' },
      '2026-03-18T23:59:59.999+01:00',
    ],
    [
      'US: inspected on Saturday: 3 business days end on Wednesday',
      { destination: 'US', inspectedAt: '2026-03-14T10:00:00Z' },
      '2026-03-18T23:59:59.999+01:00',
    ],
    [
      'EU: the store SLA after an early inspection comes first',
      { destination: 'FR', inspectedAt: '2026-03-11T10:00:00Z' },
      '2026-03-16T23:59:59.999+01:00',
    ],
    [
      'EU: the legal 14 days cap a late inspection',
      { destination: 'FR', inspectedAt: '2026-03-23T10:00:00Z' },
      '2026-03-24T23:59:59.999+01:00',
    ],
    [
      'CN: the earlier of 7 days after receipt and the SLA',
      { destination: 'CN', receivedAt: '2026-03-12T10:00:00Z', inspectedAt: '2026-03-12T12:00:00Z' },
      '2026-03-17T23:59:59.999+01:00',
    ],
    [
      'the store zone decides the day: Thursday evening in Los Angeles, Friday in UTC',
      { destination: 'US', storeTimeZone: 'America/Los_Angeles', inspectedAt: '2026-03-13T06:30:00Z' },
      '2026-03-17T23:59:59.999-07:00',
    ],
  ])('%s', (_name, over, expected) => {
    expect(refundDueAt({ ...base, ...over })).toBe(expected);
  });

  it('business days: 0 is the end of that day, 5 from Monday is the next Monday', () => {
    expect(addBusinessDays('2026-03-09T08:00:00Z', 'UTC', 0).toISO()).toBe('2026-03-09T23:59:59.999Z');
    expect(addBusinessDays('2026-03-09T08:00:00Z', 'UTC', 5).toISO()).toBe('2026-03-16T23:59:59.999Z');
  });
});
