// Money in analytics is shown in the store's reporting currency (its own), converted at the store's
// rates in force at the end of the period, with the rates named; an amount without a rate is listed
// apart rather than added at face value.
import type { Tx } from '../../db/schema.ts';
import { sumIn } from '../../domain/currency.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import type { breakdown, Period } from './analytics.queries.ts';
import type { CaseBreakdownRow } from './case-analytics.queries.ts';

/** a breakdown row: one key in one currency */
type MoneyRow = Awaited<ReturnType<typeof breakdown>>[number];

export async function reportingCurrency(trx: Tx, storeId: string, period: Period) {
  const [store, rates] = await Promise.all([getStore(trx, storeId), loadRateTable(trx, storeId)]);
  const currency = store?.currency ?? 'EUR';
  const day = period.to.toISOString().slice(0, 10);
  const sum = (amounts: readonly { currency: string; amount: number }[]) =>
    sumIn(currency, amounts, rates, day);
  return {
    currency,
    sum,
    /** one row per key (the counts added, refunds summed in the reporting currency), the most
     *  returned first, then cut to `limit`: merged before the cut, so no currency of a key is lost */
    mergeRows(rows: readonly MoneyRow[], limit: number) {
      const byKey = new Map<string, MoneyRow[]>();
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
      const merged = [...byKey].map(([key, parts]) => {
        const units_sold = parts.reduce((n, p) => n + p.units_sold, 0);
        const units_returned = parts.reduce((n, p) => n + p.units_returned, 0);
        return { key, parts, units_sold, units_returned };
      });
      merged.sort(
        (x, y) =>
          y.units_returned - x.units_returned || y.units_sold - x.units_sold || x.key.localeCompare(y.key),
      );
      const used = new Map<string, { from: string; rate: string; day: string }>();
      const data = merged.slice(0, limit).map(({ key, parts, units_sold, units_returned }) => {
        const money = sum(parts.map((p) => ({ currency: p.currency, amount: p.refunded })));
        for (const r of money.rates) used.set(r.from, r);
        return {
          key,
          currency,
          units_sold,
          units_returned,
          returns: parts.reduce((n, p) => n + p.returns, 0),
          refunded: money.amount,
          refunded_unconverted: money.unconverted,
          return_rate: units_sold > 0 ? units_returned / units_sold : null,
        };
      });
      return { currency, rates: [...used.values()].sort((a, b) => a.from.localeCompare(b.from)), data };
    },
    /** case rows per key, money in the reporting currency (refunds, goodwill, replacement cost) */
    mergeCaseRows(rows: readonly CaseBreakdownRow[], limit: number) {
      const byKey = new Map<string, CaseBreakdownRow[]>();
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
      const used = new Map<string, { from: string; rate: string; day: string }>();
      const total = (parts: CaseBreakdownRow[], field: 'refunded' | 'goodwill' | 'replacement_cost') => {
        const money = sum(parts.map((p) => ({ currency: p.currency, amount: p[field] })));
        for (const r of money.rates) used.set(r.from, r);
        return money;
      };
      const data = [...byKey]
        .map(([key, parts]) => {
          const cases = parts.reduce((n, p) => n + p.cases, 0);
          const timed = parts.filter((p) => p.hours_to_resolution !== null);
          const weight = timed.reduce((n, p) => n + p.resolved, 0);
          const refunded = total(parts, 'refunded');
          return {
            key,
            currency,
            cases,
            resolved: parts.reduce((n, p) => n + p.resolved, 0),
            refunded: refunded.amount,
            refunded_unconverted: refunded.unconverted,
            goodwill: total(parts, 'goodwill').amount,
            replacements: parts.reduce((n, p) => n + p.replacements, 0),
            replacement_cost: total(parts, 'replacement_cost').amount,
            hours_to_resolution:
              weight > 0
                ? Math.round(
                    (timed.reduce((n, p) => n + (p.hours_to_resolution ?? 0) * p.resolved, 0) / weight) * 10,
                  ) / 10
                : null,
          };
        })
        .sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key))
        .slice(0, limit);
      return { currency, rates: [...used.values()].sort((a, b) => a.from.localeCompare(b.from)), data };
    },
  };
}
