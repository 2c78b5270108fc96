import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';

/** Shipping (amount + tax) already paid back on an order, from the refunds' breakdowns. */
export async function shippingRefunded(trx: Tx, storeId: string, orderId: string): Promise<number> {
  const row = await trx
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum((breakdown->>'shipping')::bigint), 0)`.as('shipping'))
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('status', '!=', 'failed')
    .executeTakeFirst();
  return Number(row?.shipping ?? 0);
}

/** Catalogue prices of the SKUs a customer may exchange to, in the order's currency only: a price in
 * another currency is no price for this order. */
export async function exchangePrices(
  trx: Tx,
  storeId: string,
  skus: string[],
  currency: string,
): Promise<Record<string, number>> {
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'price'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', skus)
    .where('currency', '=', currency)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.sku, r.price]));
}

/** What open returns of an order were decided to pay back and have not paid yet. */
export async function promisedByOpenReturns(trx: Tx, storeId: string, orderId: string): Promise<number> {
  const row = await trx
    .selectFrom('returns as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(sql<number>`coalesce(sum((r.refund->>'total')::bigint), 0)`.as('promised'))
    .where('c.store_id', '=', storeId)
    .where('c.order_id', '=', orderId)
    .where('c.status', 'not in', ['rejected', 'canceled', 'completed'])
    .executeTakeFirst();
  return Number(row?.promised ?? 0);
}
