// Per supplier, where the store's policy (held to the law's floor in each market the supplier's goods
// go to) promises customers more than the supplier's terms give the store, with the units of the last
// `days` days that fell in the gap and what they cost, in the reporting currency.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { jurisdictionFor } from '../../domain/jurisdictions.ts';
import {
  type Gap,
  type MarketPromise,
  type ReturnedUnits,
  supplierGaps,
} from '../../domain/suppliers/gap.ts';
import { termsForSku } from '../../domain/suppliers/terms.ts';
import { currentPolicy } from '../policy/policy.queries.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import { suppliersByCode } from './supplier-terms.queries.ts';
import { loadSupplierUnits } from './supplier-units.queries.ts';

const DAY = 86_400_000;
/** what a SKU's own terms must change to take back other units than the supplier's defaults */
const GAP_FIELDS = [
  'accepts_returns',
  'window_days',
  'window_from',
  'reasons',
  'covers_lost_parcels',
] as const;
// a return refused or withdrawn cost the store nothing
const REFUSED = new Set(['rejected', 'canceled']);

export interface SupplierGaps {
  supplier: { id: string; code: string; name: string; country: string | null };
  terms_version: number;
  gaps: Gap[];
  /** the refunds of the period with no rate into the reporting currency (not in `value`) */
  unconverted: { currency: string; amount: number }[];
}

export async function supplierGapReport(
  trx: Tx,
  storeId: string,
  opts: { days: number; supplier?: string },
  now = new Date(),
): Promise<{ days: number; currency: string; data: SupplierGaps[] }> {
  const since = new Date(now.getTime() - opts.days * DAY);
  const [store, policy, rates, suppliers, units, markets] = await Promise.all([
    getStore(trx, storeId),
    currentPolicy(trx, storeId),
    loadRateTable(trx, storeId),
    suppliersByCode(trx, storeId),
    loadSupplierUnits(trx, storeId, { since, supplierCode: opts.supplier }),
    // the countries each supplier's goods went to in the last year: the markets its terms must cover
    sql<{ supplier: string; country: string }>`
      SELECT DISTINCT ol.supplier, o.destination_country AS country
      FROM order_lines ol JOIN orders o ON o.id = ol.order_id
      WHERE ol.store_id = ${storeId} AND ol.supplier IS NOT NULL
        AND o.placed_at >= ${new Date(now.getTime() - 365 * DAY)}
        ${opts.supplier ? sql`AND ol.supplier = ${opts.supplier}` : sql``}`.execute(trx),
  ]);
  const currency = store?.currency ?? 'EUR';
  const day = now.toISOString().slice(0, 10);
  const comDays = policy?.document.change_of_mind.window_days ?? 30;
  const faultDays = policy?.document.seller_fault.window_days ?? 365;
  const promise = (country: string): MarketPromise => ({
    country,
    change_of_mind_days: Math.max(comDays, jurisdictionFor(country).changeOfMind.floorDays?.value ?? 0),
    seller_fault_days: faultDays,
  });
  const marketsOf = new Map<string, string[]>();
  for (const m of markets.rows) marketsOf.set(m.supplier, [...(marketsOf.get(m.supplier) ?? []), m.country]);

  const data: SupplierGaps[] = [];
  for (const s of suppliers.values()) {
    if (opts.supplier && s.code !== opts.supplier) continue;
    if (!s.terms) continue;
    const mine = units.filter((u) => u.supplier_code === s.code && !REFUSED.has(u.case_status));
    // SKUs with their own terms are judged on them: group the units per effective terms
    const bySku = new Map<string, ReturnedUnits[]>();
    // refunds in a currency the store has no rate for count as units, their money is listed apart
    const unconverted = new Map<string, number>();
    for (const u of mine) {
      const value =
        u.value.currency === currency
          ? u.value.amount
          : rates.convert(u.value.amount, u.value.currency, currency, day)?.to.amount;
      if (value === undefined)
        unconverted.set(u.value.currency, (unconverted.get(u.value.currency) ?? 0) + u.value.amount);
      const key = GAP_FIELDS.some((f) => s.terms?.sku_overrides[u.sku]?.[f] !== undefined) ? u.sku : '';
      bySku.set(key, [
        ...(bySku.get(key) ?? []),
        {
          country: u.destination_country,
          reason: u.reason,
          quantity: u.quantity,
          days_after_delivery: u.delivered_at
            ? Math.floor((u.reported_at.getTime() - u.delivered_at.getTime()) / DAY)
            : null,
          value: value ?? 0,
        },
      ]);
    }
    const countries = [
      ...new Set([...(marketsOf.get(s.code) ?? []), ...mine.map((u) => u.destination_country)]),
    ].sort();
    const gaps = supplierGaps(
      s.code,
      termsForSku(s.terms, null),
      countries.map(promise),
      bySku.get('') ?? [],
    );
    for (const [sku, returned] of bySku)
      if (sku)
        for (const g of supplierGaps(
          `${s.code} (${sku})`,
          termsForSku(s.terms, sku),
          [...new Set(returned.map((u) => u.country))].sort().map(promise),
          returned,
        ))
          gaps.push(g);
    data.push({
      supplier: { id: s.id, code: s.code, name: s.name, country: s.country },
      terms_version: s.terms_version,
      gaps: gaps.sort((a, b) => b.value - a.value || b.units - a.units),
      unconverted: [...unconverted].map(([c, amount]) => ({ currency: c, amount })),
    });
  }
  data.sort((a, b) => sumValue(b.gaps) - sumValue(a.gaps) || a.supplier.code.localeCompare(b.supplier.code));
  return { days: opts.days, currency, data };
}

const sumValue = (gaps: Gap[]) => gaps.reduce((s, g) => s + g.value, 0);
