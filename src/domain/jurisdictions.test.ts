import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  countriesWithTimeZone,
  defaultTimeZone,
  EEA_COUNTRIES,
  EU_COUNTRIES,
  jurisdictionFor,
  regimeOf,
} from './jurisdictions.ts';

describe('regimes', () => {
  it('covers the 27 EU members and the 3 other EEA states', () => {
    expect(EU_COUNTRIES).toHaveLength(27);
    expect(new Set(EU_COUNTRIES).size).toBe(27);
    for (const c of [...EU_COUNTRIES, ...EEA_COUNTRIES]) expect(regimeOf(c)).toBe('EU');
  });

  it.each([
    ['de', 'EU'],
    ['RE', 'EU'],
    ['GB', 'UK'],
    ['CH', 'OTHER'],
    ['CN', 'CN'],
    ['HK', 'OTHER'],
    ['RU', 'RU'],
    ['BR', 'BR'],
    ['JP', 'JP'],
    ['US', 'US'],
    ['AU', 'AU'],
    ['CA', 'OTHER'],
    ['ZZ', 'OTHER'],
  ])('%s -> %s', (country, regime) => {
    expect(regimeOf(country)).toBe(regime);
    expect(jurisdictionFor(country).regime).toBe(regime);
  });

  it.each([
    ['DE', 14, 'Directive 2011/83/EU art. 9'],
    ['GB', 14, 'Consumer Contracts Regulations 2013 reg 29'],
    ['CN', 7, 'Consumer Rights Protection Law art. 25'],
    ['RU', 7, 'Law 2300-1 art. 26.1'],
    ['BR', 7, 'CDC (Lei 8.078/90) art. 49'],
  ])('%s: change-of-mind floor %i days (%s)', (country, days, source) => {
    expect(jurisdictionFor(country).changeOfMind.floorDays).toEqual({ value: days, source });
  });

  it('has no change-of-mind floor in Japan (unless the clause was not shown), the US, Australia or elsewhere', () => {
    for (const c of ['JP', 'US', 'AU', 'CA', 'IN'])
      expect(jurisdictionFor(c).changeOfMind.floorDays).toBeNull();
    expect(jurisdictionFor('JP').changeOfMind.notInformed).toMatchObject({ kind: 'replace_days', days: 8 });
  });

  it('seller fault: 2 years in the EU, 30 days with a refund in the UK, store policy elsewhere', () => {
    expect(jurisdictionFor('FR').sellerFault).toMatchObject({
      floor: { code: 'legal_guarantee', years: 2 },
      refundWithinFloor: false,
    });
    expect(jurisdictionFor('GB').sellerFault).toMatchObject({
      floor: { code: 'short_term_right_to_reject', days: 30 },
      refundWithinFloor: true,
    });
    expect(jurisdictionFor('US').sellerFault.floor).toBeNull();
  });

  it('refund clocks: 14 days from the request in the EU/UK, 7 from receipt in China, 10 in Russia, at receipt in Brazil', () => {
    expect(jurisdictionFor('IT').refundClock).toMatchObject({ from: 'request', days: 14 });
    expect(jurisdictionFor('GB').refundClock).toMatchObject({ from: 'request', days: 14 });
    expect(jurisdictionFor('CN').refundClock).toMatchObject({ from: 'receipt', days: 7 });
    expect(jurisdictionFor('RU').refundClock).toMatchObject({ from: 'request', days: 10 });
    expect(jurisdictionFor('BR').refundClock).toMatchObject({ from: 'receipt', days: 0 });
    expect(jurisdictionFor('US').refundClock).toBeNull();
  });
});

describe('defaultTimeZone', () => {
  it.each([
    ['DE', 'Europe/Berlin'],
    ['gb', 'Europe/London'],
    ['CN', 'Asia/Shanghai'],
    ['RU', 'Europe/Moscow'],
    ['BR', 'America/Sao_Paulo'],
    ['JP', 'Asia/Tokyo'],
    ['US', 'America/New_York'],
    ['AU', 'Australia/Sydney'],
    ['CA', 'America/Toronto'],
    ['MX', 'America/Mexico_City'],
    ['IN', 'Asia/Kolkata'],
    ['KR', 'Asia/Seoul'],
    ['ZZ', 'UTC'],
  ])('%s -> %s', (country, zone) => {
    expect(defaultTimeZone(country)).toBe(zone);
  });

  it('covers every EU/EEA state and the other regimes, and every zone is a valid IANA zone', () => {
    const covered = new Set(countriesWithTimeZone());
    for (const c of [
      ...EU_COUNTRIES,
      ...EEA_COUNTRIES,
      'GB',
      'CN',
      'RU',
      'BR',
      'JP',
      'US',
      'AU',
      'CA',
      'MX',
      'IN',
      'KR',
    ])
      expect(covered.has(c), c).toBe(true);
    for (const c of covered) expect(IANAZone.isValidZone(defaultTimeZone(c)), c).toBe(true);
  });
});
