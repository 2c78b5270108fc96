// Amounts and dates in the customer's locale. Amounts stay integer minor units until this last step
// (formatMoney takes the decimals from the domain: JPY none, KWD three); dates show in the viewer's
// own time zone, with the zone named where the exact minute matters (a deadline).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format.ts';
import { formattingLocale } from './index.ts';

export function usePortalFormat() {
  const { i18n } = useTranslation('portal');
  const language = i18n.language;
  return useMemo(() => {
    const locale = formattingLocale(language);
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    const deadlineFmt = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    return {
      locale,
      language,
      money: (amount: number, currency: string) => formatMoney(locale, amount, currency),
      date: (iso: string) => dateFmt.format(new Date(iso)),
      dateTime: (iso: string) => dateTimeFmt.format(new Date(iso)),
      /** the last minute to act, in the viewer's zone, with the zone's name */
      deadline: (iso: string) => deadlineFmt.format(new Date(iso)),
      list: (items: string[]) => list.format(items),
      fileSize: (bytes: number) =>
        new Intl.NumberFormat(locale, {
          style: 'unit',
          unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
          maximumFractionDigits: 1,
        }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024))),
    };
  }, [language]);
}
