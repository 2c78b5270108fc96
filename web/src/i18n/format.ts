// Amounts, dates and countdowns in the console's language. Amounts stay integer minor units until
// this last step; the number of decimals comes from the domain (JPY has none, KWD three).
import { minorUnitDigits } from '@domain/money.ts';
import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function formatMoney(locale: string, amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    signDisplay: 'negative', // "-0.00" for a zero fee would read as money taken
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

export function formatRelative(locale: string, iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS)
    if (Math.abs(diff) >= ms || unit === 'minute') return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(0, 'minute');
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    money: (amount: number, currency: string) => formatMoney(locale, amount, currency),
    dateTime: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      ),
    /** the time it is now where someone is, with the zone's short name */
    localTime: (timeZone: string) =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }).format(new Date()),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    relative: (iso: string) => formatRelative(locale, iso),
    country: (code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code,
    language: (code: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code,
  };
}
