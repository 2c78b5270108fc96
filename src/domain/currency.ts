// Currencies: ISO 4217 minor-unit exponents and conversion at a store's stored exchange rate.
// Rates are the store's own (entered or imported per day, never fetched at run time). A rate says
// "1 unit of `base` = `rate` units of `quote`" as a decimal string, and conversion is exact integer
// arithmetic (BigInt) on minor units, rounded half up to the target's minor unit. Money crossing
// currencies goes through here, never by hand.

import { z } from 'zod';

import { minorUnitDigits } from './currency-digits.ts';

export { minorUnitDigits };

/** An ISO 4217 code as people type it ("eur" is EUR). */
export const currencyCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 currency code such as EUR')
  .transform((c) => c.toUpperCase());

/** A positive decimal written in plain digits ("97.2031"), at most 12 significant decimals. */
export const rateSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .refine((v) => /^\d{1,12}(\.\d{1,12})?$/.test(v) && /[1-9]/.test(v), 'a positive decimal such as 97.2031');

export interface ExchangeRate {
  /** the calendar day the rate is for, YYYY-MM-DD */
  day: string;
  base: string;
  quote: string;
  /** 1 base = rate quote, a decimal string */
  rate: string;
}

/** How one amount came to be in another currency, for the explanation and the audit trail. */
export interface Conversion {
  from: { amount: number; currency: string };
  to: { amount: number; currency: string };
  /** 1 from-currency = rate to-currency, as used (an inverse or cross rate is computed) */
  rate: string;
  /** the day of the stored rate(s) used */
  day: string;
}

interface Ratio {
  num: bigint;
  den: bigint;
}

function parseRate(rate: string): Ratio {
  const [int = '0', frac = ''] = rate.split('.');
  return { num: BigInt(int + frac), den: 10n ** BigInt(frac.length) };
}

/** a / b rounded half up, for non-negative a and positive b */
function divRound(a: bigint, b: bigint): bigint {
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (abs * 2n + b) / (2n * b);
  return neg ? -q : q;
}

function ratioToDecimal(r: Ratio, digits = 8): string {
  const scaled = divRound(r.num * 10n ** BigInt(digits), r.den);
  const s = scaled.toString().padStart(digits + 1, '0');
  const out = `${s.slice(0, -digits)}.${s.slice(-digits)}`.replace(/\.?0+$/, '');
  return out === '' ? '0' : out;
}

function convertWith(amount: number, from: string, to: string, r: Ratio): number {
  const num = BigInt(amount) * r.num * 10n ** BigInt(minorUnitDigits(to));
  const den = r.den * 10n ** BigInt(minorUnitDigits(from));
  return Number(divRound(num, den));
}

/** Converts minor units of `from` into minor units of `to` at `rate` (1 from = rate to). */
export function convertAmount(amount: number, from: string, to: string, rate: string): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`convertAmount: ${amount} is not an integer`);
  return convertWith(amount, from, to, parseRate(rate));
}

/**
 * A store's rate table, answering "the rate from X to Y on or before day D": the direct rate, its
 * inverse, or a cross rate through a third currency both sides were quoted against on one day.
 */
export interface RateTable {
  find(from: string, to: string, day: string): { ratio: Ratio; day: string } | null;
  convert(amount: number, from: string, to: string, day: string): Conversion | null;
  readonly size: number;
}

export function rateTable(rows: readonly ExchangeRate[]): RateTable {
  // per currency pair (both directions), the rates by day, newest first; on one day a rate stated
  // in this direction wins over the inverse of one stated the other way, whatever order rows came in
  const pairs = new Map<string, { day: string; ratio: Ratio; inverse: boolean }[]>();
  const add = (a: string, b: string, day: string, ratio: Ratio, inverse: boolean) => {
    const key = `${a}>${b}`;
    const list = pairs.get(key) ?? [];
    list.push({ day, ratio, inverse });
    pairs.set(key, list);
  };
  for (const r of rows) {
    const ratio = parseRate(r.rate);
    if (ratio.num === 0n) continue;
    add(r.base, r.quote, r.day, ratio, false);
    add(r.quote, r.base, r.day, { num: ratio.den, den: ratio.num }, true);
  }
  for (const list of pairs.values())
    list.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : Number(a.inverse) - Number(b.inverse)));
  const direct = (from: string, to: string, day: string) =>
    pairs.get(`${from}>${to}`)?.find((r) => r.day <= day) ?? null;
  // crossed through currencies in a fixed order, so ties resolve the same way every time
  const currencies = [...new Set(rows.flatMap((r) => [r.base, r.quote]))].sort();

  const find = (from: string, to: string, day: string) => {
    if (from === to) return { ratio: { num: 1n, den: 1n }, day };
    const d = direct(from, to, day);
    if (d) return d;
    let best: { ratio: Ratio; day: string } | null = null;
    for (const via of currencies) {
      if (via === from || via === to) continue;
      const a = direct(from, via, day);
      const b = direct(via, to, day);
      if (!a || !b) continue;
      const older = [a.day, b.day].sort()[0] as string;
      if (!best || older > best.day)
        best = { ratio: { num: a.ratio.num * b.ratio.num, den: a.ratio.den * b.ratio.den }, day: older };
    }
    return best;
  };
  return {
    size: rows.length,
    find,
    convert(amount, from, to, day) {
      const hit = find(from, to, day);
      if (!hit) return null;
      return {
        from: { amount, currency: from },
        to: { amount: convertWith(amount, from, to, hit.ratio), currency: to },
        rate: ratioToDecimal(hit.ratio),
        day: hit.day,
      };
    },
  };
}

export const NO_RATES: RateTable = rateTable([]);

/**
 * An amount the store gave in one currency (`base`, in `baseCurrency`) and optionally per currency
 * (`byCurrency`), wanted in `currency`: the store's own amount for that currency first, then the
 * base amount as is (same currency) or converted at the store's rate. `null` when there is neither.
 */
export type PricedAmount =
  | { amount: number; how: 'given' }
  | { amount: number; how: 'converted'; conversion: Conversion }
  | { amount: null; how: 'unavailable'; from: { amount: number; currency: string } | null };

export function priceIn(
  currency: string,
  base: number | null,
  baseCurrency: string | undefined,
  byCurrency: Readonly<Record<string, number>> | undefined,
  rates: RateTable,
  day: string,
): PricedAmount {
  const own = byCurrency?.[currency];
  if (own !== undefined) return { amount: own, how: 'given' };
  if (base === null) return { amount: null, how: 'unavailable', from: null };
  if (baseCurrency === undefined) return { amount: null, how: 'unavailable', from: null };
  if (baseCurrency === currency || base === 0) return { amount: base, how: 'given' };
  const conversion = rates.convert(base, baseCurrency, currency, day);
  if (!conversion)
    return { amount: null, how: 'unavailable', from: { amount: base, currency: baseCurrency } };
  return { amount: conversion.to.amount, how: 'converted', conversion };
}

/** Amounts in several currencies summed in one (a report's), each converted at the store's rate of
 *  `day`; amounts with no rate are kept apart (never added at face value) and the rates used named. */
export function sumIn(
  currency: string,
  amounts: readonly { currency: string; amount: number }[],
  rates: RateTable,
  day: string,
): {
  currency: string;
  amount: number;
  rates: { from: string; rate: string; day: string }[];
  unconverted: { currency: string; amount: number }[];
} {
  let amount = 0;
  const used = new Map<string, { from: string; rate: string; day: string }>();
  const unconverted = new Map<string, number>();
  for (const a of amounts) {
    if (a.currency === currency) {
      amount += a.amount;
      continue;
    }
    const c = rates.convert(a.amount, a.currency, currency, day);
    if (!c) {
      unconverted.set(a.currency, (unconverted.get(a.currency) ?? 0) + a.amount);
      continue;
    }
    amount += c.to.amount;
    used.set(a.currency, { from: a.currency, rate: c.rate, day: c.day });
  }
  return {
    currency,
    amount,
    rates: [...used.values()].sort((x, y) => x.from.localeCompare(y.from)),
    unconverted: [...unconverted]
      .map(([c, v]) => ({ currency: c, amount: v }))
      .sort((x, y) => x.currency.localeCompare(y.currency)),
  };
}
