// Numbers of the analytics page in the console's language: counts, rates, durations, period labels.
import { useTranslation } from 'react-i18next';
import type { Interval } from '../../api/types.ts';

export function useAnalyticsFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const unit = (value: number, u: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: u,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  return {
    count: (n: number) => new Intl.NumberFormat(locale).format(n),
    percent: (share: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share),
    /** a median time: minutes, hours or days, whichever reads naturally */
    hours: (h: number | null) => {
      if (h === null) return '–';
      if (h < 1 / 60) return t('analytics.kpi.underMinute');
      if (h < 1) return unit(Math.round(h * 60), 'minute');
      if (h < 48) return unit(h, 'hour');
      return unit(h / 24, 'day');
    },
    /** a bucket of the series (UTC days, weeks from Monday, months); the year only when it varies */
    period: (iso: string, interval: Interval, withYear = false) =>
      new Intl.DateTimeFormat(
        locale,
        interval === 'month'
          ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
          : { day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' },
      ).format(new Date(iso)),
  };
}
