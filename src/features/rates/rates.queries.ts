import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { type ExchangeRate, type RateTable, rateTable } from '../../domain/currency.ts';

export const RATE_COLUMNS = [
  sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
  'base',
  'quote',
  // numeric as text keeps every digit; trailing zeros of the column's scale are cut
  sql<string>`trim(trailing '.' from trim(trailing '0' from rate::text))`.as('rate'),
] as const;

/** The store's rates, newest day first; `day`: only those in force that day (the newest per pair). */
export async function listRates(
  trx: Tx,
  storeId: string,
  filter: { day?: string } = {},
): Promise<ExchangeRate[]> {
  let q = trx.selectFrom('exchange_rates').select(RATE_COLUMNS).where('store_id', '=', storeId);
  if (filter.day)
    q = q
      .where('day', '<=', filter.day)
      .distinctOn(['base', 'quote'])
      .orderBy('base')
      .orderBy('quote')
      .orderBy('day', 'desc');
  else q = q.orderBy('day', 'desc').orderBy('base').orderBy('quote');
  return q.limit(5000).execute();
}

/** Every rate of the store, as the engine's table (a store keeps a few hundred rows a year). */
export async function loadRateTable(trx: Tx, storeId: string): Promise<RateTable> {
  return rateTable(await allRatesQuery(trx, storeId).execute());
}

/** loadRateTable's rows, oldest day first (all text, so as JSON in another statement they read the same). */
export function allRatesQuery(trx: Tx, storeId: string) {
  return trx
    .selectFrom('exchange_rates')
    .select(RATE_COLUMNS)
    .where('store_id', '=', storeId)
    .orderBy('day')
    .orderBy('base')
    .orderBy('quote');
}

/** Saves rates; a pair's rate for a day it already has is replaced. */
export async function upsertRates(
  trx: Tx,
  storeId: string,
  rates: ExchangeRate[],
  by: string,
): Promise<void> {
  // a pair and day named twice keeps its last rate (one statement may not update a row twice), and
  // chunks keep a statement under the protocol's 65,535 parameters
  const unique = [...new Map(rates.map((r) => [`${r.base}|${r.quote}|${r.day}`, r])).values()];
  for (let i = 0; i < unique.length; i += 2000)
    await upsertChunk(trx, storeId, unique.slice(i, i + 2000), by);
}

async function upsertChunk(trx: Tx, storeId: string, rates: ExchangeRate[], by: string): Promise<void> {
  await trx
    .insertInto('exchange_rates')
    .values(rates.map((r) => ({ store_id: storeId, ...r, created_by: by })))
    .onConflict((oc) =>
      oc.columns(['store_id', 'base', 'quote', 'day']).doUpdateSet((eb) => ({
        rate: eb.ref('excluded.rate'),
        created_by: eb.ref('excluded.created_by'),
        created_at: sql`now()`,
      })),
    )
    .execute();
}

export async function deleteRate(
  trx: Tx,
  storeId: string,
  key: { day: string; base: string; quote: string },
): Promise<boolean> {
  const r = await trx
    .deleteFrom('exchange_rates')
    .where('store_id', '=', storeId)
    .where('day', '=', key.day)
    .where('base', '=', key.base)
    .where('quote', '=', key.quote)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
