import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { Tx } from '../../db/schema.ts';
import { PUT_AWAY_DISPOSITIONS } from '../../domain/returns/inspection.ts';
import { allRatesQuery } from '../rates/rates.queries.ts';
import { returnQuery } from '../returns/returns.queries.ts';
import { unitsWithPositionColumns } from '../suppliers/supplier-units.queries.ts';

export async function getStoredCosts(trx: Tx, storeId: string) {
  return trx
    .selectFrom('stores')
    .select(['disposition_costs', 'currency', 'return_address'])
    .where('id', '=', storeId)
    .executeTakeFirst();
}

export async function saveCosts(trx: Tx, storeId: string, document: unknown): Promise<void> {
  await trx
    .updateTable('stores')
    .set({ disposition_costs: JSON.stringify(document) })
    .where('id', '=', storeId)
    .execute();
}

/** A return's lines with what disposition by cost needs: price, weight, quantity, where it is. */
export async function dispositionLines(trx: Tx, storeId: string, caseId: string) {
  return dispositionLinesQuery(trx, storeId, caseId).execute();
}
export type DispositionLineRow = Awaited<ReturnType<typeof dispositionLines>>[number];

/** dispositionLines' query (no timestamps, so as JSON in another statement its rows read the same). */
function dispositionLinesQuery(trx: Tx, storeId: string, caseId: string) {
  return trx
    .selectFrom('return_lines as rl')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.order_id', '=', 'rl.order_id').onRef('ol.line_id', '=', 'rl.line_id'),
    )
    .innerJoin('orders as o', 'o.id', 'rl.order_id')
    .leftJoin('products as p', (j) => j.onRef('p.store_id', '=', 'rl.store_id').onRef('p.sku', '=', 'ol.sku'))
    .select([
      'rl.line_id',
      'rl.quantity',
      'rl.received_quantity',
      'rl.reason',
      'rl.grade',
      'rl.disposition',
      'rl.disposition_expected_cost',
      'rl.disposition_cost_currency',
      'rl.disposition_actual_cost',
      'rl.disposition_actual_currency',
      'ol.sku',
      'ol.title',
      'ol.unit_price',
      'o.currency as order_currency',
      'o.destination_country',
      'p.price as product_price',
      'p.currency as product_currency',
      'p.weight_grams',
    ])
    .where('rl.store_id', '=', storeId)
    .where('rl.case_id', '=', caseId)
    .orderBy('ol.position');
}

/**
 * Everything disposition by cost reads for one return, in one statement: the store's cost tables,
 * currency and return address (as getStoredCosts), its rates (as loadRateTable's rows), the return's
 * lines (as dispositionLines), its units with their suppliers (readUnitsWithPosition reads them),
 * and whether `caseId` is a return of the store (as getReturn finds it). No row: no such store.
 */
const facts = reusable(['storeId', 'caseId'], (db, p: { storeId: string; caseId: string }) =>
  db
    .selectFrom('stores as s')
    .select(['s.disposition_costs', 's.currency', 's.return_address'])
    .select((eb) => [
      eb
        .exists(returnQuery(db, p.storeId).clearSelect().select('c.id').where('c.id', '=', p.caseId))
        .as('is_return'),
      jsonArrayFrom(allRatesQuery(db, p.storeId)).as('rates'),
      jsonArrayFrom(dispositionLinesQuery(db, p.storeId, p.caseId)).as('lines'),
      ...unitsWithPositionColumns(db, p.storeId, { caseId: p.caseId }),
    ])
    .where('s.id', '=', p.storeId),
);

export async function dispositionFacts(trx: Tx, storeId: string, caseId: string) {
  return facts.executeTakeFirst(trx, { storeId, caseId });
}

export async function recordActualCost(
  trx: Tx,
  storeId: string,
  caseId: string,
  lineId: string,
  cost: { amount: number; currency: string; note: string },
): Promise<void> {
  await trx
    .updateTable('return_lines')
    .set({
      disposition_actual_cost: cost.amount,
      disposition_actual_currency: cost.currency,
      disposition_actual_note: cost.note,
    })
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .where('line_id', '=', lineId)
    .execute();
}

/** Restocked and refurbished lines not yet put away, oldest inspection first. */
export async function awaitingPutAway(trx: Tx, storeId: string) {
  return trx
    .selectFrom('return_lines as rl')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.order_id', '=', 'rl.order_id').onRef('ol.line_id', '=', 'rl.line_id'),
    )
    .innerJoin('returns as r', 'r.case_id', 'rl.case_id')
    .innerJoin('cases as c', 'c.id', 'rl.case_id')
    .select([
      'rl.case_id',
      'c.number',
      'rl.line_id',
      'ol.sku',
      'ol.title',
      'rl.received_quantity as quantity',
      'rl.grade',
      'rl.disposition',
      sql<string>`coalesce(rl.location, 'main')`.as('location'),
      'r.inspected_at',
    ])
    .where('rl.store_id', '=', storeId)
    .where('rl.disposition', 'in', [...PUT_AWAY_DISPOSITIONS])
    .where('rl.put_away_at', 'is', null)
    .where('rl.received_quantity', '>', 0)
    .orderBy('r.inspected_at')
    .orderBy('c.number')
    .orderBy('ol.position')
    .execute();
}

/** Marks lines put away; returns those that were waiting (others are left as they are). */
export async function markPutAway(
  trx: Tx,
  storeId: string,
  lines: { case_id: string; line_id: string }[],
  by: string,
  now: Date,
) {
  const done: { case_id: string; line_id: string; sku: string; quantity: number; location: string }[] = [];
  for (const l of lines) {
    const row = await trx
      .updateTable('return_lines as rl')
      .set({ put_away_at: now, put_away_by: by })
      .from('order_lines as ol')
      .whereRef('ol.order_id', '=', 'rl.order_id')
      .whereRef('ol.line_id', '=', 'rl.line_id')
      .where('rl.store_id', '=', storeId)
      .where('rl.case_id', '=', l.case_id)
      .where('rl.line_id', '=', l.line_id)
      .where('rl.disposition', 'in', [...PUT_AWAY_DISPOSITIONS])
      .where('rl.put_away_at', 'is', null)
      .returning(['rl.case_id', 'rl.line_id', 'ol.sku', 'rl.received_quantity as quantity', 'rl.location'])
      .executeTakeFirst();
    if (row) done.push({ ...row, location: row.location ?? 'main' });
  }
  return done;
}

/** The catalogue's weight per SKU, where it knows one. */
export async function productWeights(trx: Tx, storeId: string, skus: string[]): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'weight_grams'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', skus)
    .where('weight_grams', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.sku, r.weight_grams as number]));
}
