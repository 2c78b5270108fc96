// Per supplier and month: what the store refunded and replaced for customers on the supplier's units,
// what it claimed from the supplier, what the supplier credited, and the difference, in the store's
// reporting currency at its rates of the month's last day. A refund of a case with several
// suppliers' lines is shared between them by the lines' value (largest remainder, so it adds up).
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { allocate } from '../../domain/money.ts';
import { type Entry, type MonthEntries, reconcile } from '../../domain/suppliers/reconcile.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';

interface Share {
  id: string;
  amount: number;
  currency: string;
  supplier: string | null;
  weight: string | number;
}

/** `[from, to)` of a calendar month `YYYY-MM` in UTC, and its last day. */
export function monthRange(month: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12)
    throw new AppError('invalid_request', 'A month is written YYYY-MM', {
      errors: [{ path: 'month', message: 'e.g. 2026-11' }],
    });
  const from = new Date(Date.UTC(y, mo - 1, 1));
  const to = new Date(Date.UTC(y, mo, 1));
  return { from, to, lastDay: new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10) };
}

/** Splits each amount between its suppliers by weight; rows without a supplier go to `null`. */
function shareOut(rows: readonly Share[]): Map<string | null, Entry[]> {
  const byId = new Map<string, Share[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const out = new Map<string | null, Entry[]>();
  for (const [id, parts] of byId) {
    const first = parts[0] as Share;
    const amounts = allocate(
      first.amount,
      parts.map((p) => Math.max(0, Number(p.weight))),
    );
    parts.forEach((p, i) => {
      const amount = amounts[i] ?? 0;
      if (amount === 0) return;
      out.set(p.supplier, [
        ...(out.get(p.supplier) ?? []),
        { id: `${id}|${p.supplier}`, amount, currency: p.currency },
      ]);
    });
  }
  return out;
}

export async function supplierReconciliation(trx: Tx, storeId: string, month: string, supplier?: string) {
  const { from, to, lastDay } = monthRange(month);
  // a case's lines and their value: a return's refund per line, another case's line value
  const caseLines = sql`
      SELECT rl.case_id, ol.supplier, (rl.decision->'refund'->>'total')::numeric AS weight
      FROM return_lines rl JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_id = rl.line_id
      WHERE rl.store_id = ${storeId}
      UNION ALL
      SELECT cl.case_id, ol.supplier,
        ((ol.unit_price * ol.quantity - ol.discount + ol.tax)::numeric * cl.quantity / ol.quantity)
      FROM case_lines cl JOIN order_lines ol ON ol.order_id = cl.order_id AND ol.line_id = cl.line_id
      WHERE cl.store_id = ${storeId}`;
  const [store, rates, refunds, replacements, claims, credits, suppliers] = await Promise.all([
    getStore(trx, storeId),
    loadRateTable(trx, storeId),
    sql<Share>`
      SELECT rf.id, rf.amount, rf.currency, x.supplier, x.weight
      FROM refunds rf JOIN (${caseLines}) x ON x.case_id = rf.case_id
      WHERE rf.store_id = ${storeId} AND rf.status = 'succeeded'
        AND rf.updated_at >= ${from} AND rf.updated_at < ${to}`.execute(trx),
    sql<Share>`
      SELECT rp.order_id AS id, rp.cost AS amount, rp.currency, x.supplier, x.weight
      FROM replacements rp JOIN (${caseLines}) x ON x.case_id = rp.case_id
      WHERE rp.store_id = ${storeId} AND rp.cost > 0
        AND rp.created_at >= ${from} AND rp.created_at < ${to}`.execute(trx),
    trx
      .selectFrom('supplier_claims as sc')
      .innerJoin('suppliers as s', 's.id', 'sc.supplier_id')
      .select(['sc.id', 'sc.claimed_amount as amount', 'sc.currency', 's.code as supplier'])
      .where('sc.store_id', '=', storeId)
      .where('sc.sent_at', '>=', from)
      .where('sc.sent_at', '<', to)
      .execute(),
    trx
      .selectFrom('supplier_credits as cr')
      .innerJoin('suppliers as s', 's.id', 'cr.supplier_id')
      .select(['cr.id', 'cr.amount', 'cr.currency', 's.code as supplier'])
      .where('cr.store_id', '=', storeId)
      .where('cr.received_on', '>=', from.toISOString().slice(0, 10))
      .where('cr.received_on', '<', to.toISOString().slice(0, 10))
      .execute(),
    trx
      .selectFrom('suppliers')
      .select(['id', 'code', 'name'])
      .where('store_id', '=', storeId)
      .orderBy('code')
      .execute(),
  ]);
  const currency = store?.currency ?? 'EUR';
  const refunded = shareOut(refunds.rows);
  const replaced = shareOut(replacements.rows);
  const group = (rows: { id: string; amount: number; currency: string; supplier: string }[]) => {
    const out = new Map<string, Entry[]>();
    for (const r of rows) out.set(r.supplier, [...(out.get(r.supplier) ?? []), r]);
    return out;
  };
  const claimed = group(claims);
  const credited = group(credits);
  const empty: MonthEntries = { refunded: [], replaced: [], claimed: [], credited: [] };
  const all: MonthEntries = { ...empty };
  const data = suppliers
    .filter((s) => !supplier || s.code === supplier || s.id === supplier)
    .map((s) => {
      const entries: MonthEntries = {
        refunded: refunded.get(s.code) ?? [],
        replaced: replaced.get(s.code) ?? [],
        claimed: claimed.get(s.code) ?? [],
        credited: credited.get(s.code) ?? [],
      };
      for (const k of Object.keys(all) as (keyof MonthEntries)[]) all[k] = [...all[k], ...entries[k]];
      const { rates: _rates, ...r } = reconcile(entries, currency, rates, lastDay);
      return { supplier: { id: s.id, code: s.code, name: s.name }, ...r };
    })
    .filter((r) => r.refunded || r.replaced || r.claimed || r.credited || r.unconverted.length);
  const totals = reconcile(all, currency, rates, lastDay);
  return {
    month,
    currency,
    rates: totals.rates,
    data,
    totals: {
      refunded: totals.refunded,
      replaced: totals.replaced,
      claimed: totals.claimed,
      credited: totals.credited,
      difference: totals.difference,
      recovered_share: totals.recovered_share,
      unconverted: totals.unconverted,
    },
  };
}
