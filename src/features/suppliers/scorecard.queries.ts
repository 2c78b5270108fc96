// Supplier scorecards: per supplier (or per SKU of one supplier) over a period, the defect and
// wrong-item rates (seller-fault returns and item problems per unit sold), how claims fared (the share
// of the claimed money the supplier accepted, the mean days from sending to credit) and the money
// recovered, in the reporting currency. SKUs whose defect rate crosses the threshold are alerts.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { sumIn } from '../../domain/currency.ts';
import { SELLER_FAULT_REASONS } from '../../domain/reasons.ts';
import { notRefused } from '../analytics/analytics.queries.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';

/** The first calendar day (UTC) wholly after `to`: credits are booked by day, and a period ending
 *  now includes today's. */
const dayAfter = (to: Date) =>
  new Date(Math.ceil(to.getTime() / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

export interface ScorecardQuery {
  from: Date;
  to: Date;
  by: 'supplier' | 'sku';
  supplier?: string;
  /** a SKU whose defect rate is at least this share is an alert (0.05: 5 %) */
  threshold: number;
  /** ... once it sold at least this many units in the period */
  min_units: number;
}

interface Counts {
  key: string;
  supplier_code: string;
  units_sold: number;
  seller_fault_units: number;
  wrong_item_units: number;
  item_problem_units: number;
}

export async function supplierScorecard(trx: Tx, storeId: string, q: ScorecardQuery) {
  const bySku = q.by === 'sku';
  const key = bySku ? sql.ref('ol.sku') : sql.ref('ol.supplier');
  const onlySupplier = q.supplier ? sql`AND ol.supplier = ${q.supplier}` : sql``;
  const fault = sql.join(SELLER_FAULT_REASONS.map((r) => sql.lit(r)));
  const [store, rates, counts, claims, credits, names] = await Promise.all([
    getStore(trx, storeId),
    loadRateTable(trx, storeId),
    sql<Counts>`
      WITH sold AS (
        SELECT ${key} AS key, ol.supplier AS supplier_code, sum(ol.quantity) AS units
        FROM order_lines ol JOIN orders o ON o.id = ol.order_id
        WHERE ol.store_id = ${storeId} AND ol.supplier IS NOT NULL
          AND o.placed_at >= ${q.from} AND o.placed_at < ${q.to} ${onlySupplier}
        GROUP BY 1, 2
      ), returned AS (
        SELECT ${key} AS key,
          sum(CASE WHEN rl.reason IN (${fault}) THEN greatest(rl.received_quantity, rl.quantity) ELSE 0 END) AS fault,
          sum(CASE WHEN rl.reason = 'wrong_item' THEN greatest(rl.received_quantity, rl.quantity) ELSE 0 END) AS wrong
        FROM return_lines rl
        JOIN returns r ON r.case_id = rl.case_id
        JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_id = rl.line_id
        WHERE rl.store_id = ${storeId}
          AND r.requested_at >= ${q.from} AND r.requested_at < ${q.to} ${onlySupplier}
          AND ${notRefused('rl.case_id')}
        GROUP BY 1
      ), problems AS (
        SELECT ${key} AS key, sum(cl.quantity) AS units,
          sum(CASE WHEN c.data->>'reason' = 'wrong_item' THEN cl.quantity ELSE 0 END) AS wrong
        FROM case_lines cl
        JOIN cases c ON c.id = cl.case_id
        JOIN order_lines ol ON ol.order_id = cl.order_id AND ol.line_id = cl.line_id
        WHERE cl.store_id = ${storeId} AND c.kind = 'item_problem'
          AND c.created_at >= ${q.from} AND c.created_at < ${q.to} ${onlySupplier}
        GROUP BY 1
      )
      SELECT s.key, s.supplier_code, s.units::int AS units_sold,
        coalesce(r.fault, 0)::int AS seller_fault_units,
        (coalesce(r.wrong, 0) + coalesce(p.wrong, 0))::int AS wrong_item_units,
        coalesce(p.units, 0)::int AS item_problem_units
      FROM sold s LEFT JOIN returned r ON r.key = s.key LEFT JOIN problems p ON p.key = s.key`.execute(trx),
    // claims sent in the period, per key: per SKU through their lines
    sql<{
      key: string;
      claims: number;
      decided_claimed: number;
      decided_accepted: number;
      credited_days: number | null;
      currency: string;
    }>`
      SELECT ${bySku ? sql`l.sku` : sql`s.code`} AS key, sc.currency,
        count(DISTINCT sc.id)::int AS claims,
        coalesce(sum(CASE WHEN sc.decided_at IS NOT NULL THEN l.amount END), 0) AS decided_claimed,
        coalesce(sum(CASE WHEN sc.decided_at IS NOT NULL THEN coalesce(l.accepted_amount, 0) END), 0) AS decided_accepted,
        avg(EXTRACT(EPOCH FROM (sc.credited_at - sc.sent_at)) / 86400) AS credited_days
      FROM supplier_claims sc
      JOIN suppliers s ON s.id = sc.supplier_id
      JOIN supplier_claim_lines l ON l.claim_id = sc.id
      WHERE sc.store_id = ${storeId} AND sc.sent_at >= ${q.from} AND sc.sent_at < ${q.to}
        ${q.supplier ? sql`AND s.code = ${q.supplier}` : sql``}
      GROUP BY 1, 2`.execute(trx),
    // money the suppliers credited in the period; per SKU shared by the claim's lines' accepted value
    sql<{ key: string; amount: string | number; currency: string }>`
      ${
        bySku
          ? sql`SELECT l.sku AS key, cr.currency,
              round(cr.amount::numeric * coalesce(l.accepted_amount, l.amount)
                / nullif(sum(coalesce(l.accepted_amount, l.amount)) OVER (PARTITION BY cr.id), 0)) AS amount
            FROM supplier_credits cr JOIN suppliers s ON s.id = cr.supplier_id
            JOIN supplier_claim_lines l ON l.claim_id = cr.claim_id`
          : sql`SELECT s.code AS key, cr.currency, cr.amount
            FROM supplier_credits cr JOIN suppliers s ON s.id = cr.supplier_id`
      }
      WHERE cr.store_id = ${storeId}
        AND cr.received_on >= ${q.from.toISOString().slice(0, 10)} AND cr.received_on < ${dayAfter(q.to)}
        ${q.supplier ? sql`AND s.code = ${q.supplier}` : sql``}`.execute(trx),
    bySku
      ? trx
          .selectFrom('products')
          .select(['sku as key', 'title as name'])
          .where('store_id', '=', storeId)
          .$if(!!q.supplier, (qb) => qb.where('supplier_code', '=', q.supplier as string))
          .execute()
      : trx.selectFrom('suppliers').select(['code as key', 'name']).where('store_id', '=', storeId).execute(),
  ]);
  const currency = store?.currency ?? 'EUR';
  const day = new Date(Math.min(q.to.getTime(), Date.now())).toISOString().slice(0, 10);
  const nameOf = new Map(names.map((n) => [n.key, n.name]));
  const claimsBy = new Map<string, typeof claims.rows>();
  for (const c of claims.rows) claimsBy.set(c.key, [...(claimsBy.get(c.key) ?? []), c]);
  const creditsBy = new Map<string, { amount: number; currency: string }[]>();
  for (const c of credits.rows)
    creditsBy.set(c.key, [
      ...(creditsBy.get(c.key) ?? []),
      { amount: Number(c.amount ?? 0), currency: c.currency },
    ]);
  const used = new Map<string, { from: string; rate: string; day: string }>();
  const inReporting = (amounts: { amount: number; currency: string }[]) => {
    const s = sumIn(currency, amounts, rates, day);
    for (const r of s.rates) used.set(r.from, r);
    return s;
  };
  const keys = new Set([...counts.rows.map((c) => c.key), ...claimsBy.keys(), ...creditsBy.keys()]);
  const countOf = new Map(counts.rows.map((c) => [c.key, c]));
  const data = [...keys].map((k) => {
    const c = countOf.get(k);
    const cl = claimsBy.get(k) ?? [];
    const claimed = inReporting(cl.map((x) => ({ amount: Number(x.decided_claimed), currency: x.currency })));
    const accepted = inReporting(
      cl.map((x) => ({ amount: Number(x.decided_accepted), currency: x.currency })),
    );
    const days = cl.filter((x) => x.credited_days !== null).map((x) => Number(x.credited_days));
    const recovered = inReporting(creditsBy.get(k) ?? []);
    const sold = c?.units_sold ?? 0;
    const defects = (c?.seller_fault_units ?? 0) + (c?.item_problem_units ?? 0);
    return {
      key: k,
      supplier_code: c?.supplier_code ?? (bySku ? (q.supplier ?? null) : k),
      name: nameOf.get(k) ?? null,
      units_sold: sold,
      seller_fault_units: c?.seller_fault_units ?? 0,
      wrong_item_units: c?.wrong_item_units ?? 0,
      item_problem_units: c?.item_problem_units ?? 0,
      defect_rate: sold > 0 ? defects / sold : null,
      wrong_item_rate: sold > 0 ? (c?.wrong_item_units ?? 0) / sold : null,
      claims: cl.reduce((n, x) => n + x.claims, 0),
      acceptance_rate: claimed.amount > 0 ? accepted.amount / claimed.amount : null,
      mean_days_to_credit: days.length
        ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10
        : null,
      recovered: recovered.amount,
      recovered_unconverted: recovered.unconverted,
    };
  });
  data.sort(
    (a, b) =>
      (b.defect_rate ?? -1) - (a.defect_rate ?? -1) ||
      b.units_sold - a.units_sold ||
      a.key.localeCompare(b.key),
  );
  const alerts = (bySku ? data : [])
    .filter((r) => r.units_sold >= q.min_units && r.defect_rate !== null && r.defect_rate >= q.threshold)
    .map((r) => ({
      sku: r.key,
      supplier_code: r.supplier_code,
      defect_rate: r.defect_rate as number,
      units_sold: r.units_sold,
      threshold: q.threshold,
      message: `${r.key}: ${(100 * (r.defect_rate as number)).toFixed(1)} % of ${r.units_sold} units sold came back faulty or with a problem (alert at ${(100 * q.threshold).toFixed(1)} %).`,
    }));
  return {
    currency,
    by: q.by,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    rates: [...used.values()].sort((a, b) => a.from.localeCompare(b.from)),
    data,
    alerts,
  };
}
