// The breakdown comes per key and currency (refunds cannot be added across currencies); the chart
// compares keys, so it adds units across currencies and recomputes the rate from the sums.
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, Dimension } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';

export interface KeyTotal {
  key: string;
  units_sold: number;
  units_returned: number;
  returns: number;
  return_rate: number | null;
}

export function totalsByKey(rows: BreakdownRow[]): KeyTotal[] {
  const byKey = new Map<string, KeyTotal>();
  for (const r of rows) {
    const k = byKey.get(r.key) ?? {
      key: r.key,
      units_sold: 0,
      units_returned: 0,
      returns: 0,
      return_rate: null,
    };
    k.units_sold += r.units_sold;
    k.units_returned += r.units_returned;
    k.returns += r.returns;
    byKey.set(r.key, k);
  }
  return [...byKey.values()].map((k) => ({
    ...k,
    return_rate: k.units_sold > 0 ? k.units_returned / k.units_sold : null,
  }));
}

/**
 * What the chart shows: the keys that send back the most units (most sold when nothing came back),
 * then ordered by their rate, so one unit sold and returned does not crowd out a real problem.
 */
export function topKeys(totals: KeyTotal[], n = 10): KeyTotal[] {
  return [...totals]
    .sort(
      (a, b) =>
        b.units_returned - a.units_returned || b.units_sold - a.units_sold || a.key.localeCompare(b.key),
    )
    .slice(0, n)
    .sort((a, b) => (b.return_rate ?? -1) - (a.return_rate ?? -1) || b.units_returned - a.units_returned);
}

/** A key as people say it: country names, reasons in words; codes (SKUs, suppliers) as they are. */
export function useKeyLabel(dimension: Dimension) {
  const { t } = useTranslation();
  const format = useFormat();
  return (key: string) => {
    if (key === 'none' || key === 'unknown' || key === '')
      return t(`analytics.keys.${dimension === 'segment' ? 'noSegment' : 'unknown'}`);
    if (dimension === 'country') return format.country(key);
    if (dimension === 'reason') return t(`reasons.${key}`, { defaultValue: key });
    return key;
  };
}
