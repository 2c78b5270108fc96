import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { variantPriceIn } from '../../domain/catalog-pricing.ts';
import type { RateTable } from '../../domain/currency.ts';
import type { Order } from '../../domain/order.ts';
import { exchangeKey } from '../../domain/policy/offer.ts';

/** Shipping (amount + tax) already paid back on an order, from the refunds' breakdowns. */
export async function shippingRefunded(trx: Tx, storeId: string, orderId: string): Promise<number> {
  const row = await shippingRefundedQuery(trx, storeId, orderId).executeTakeFirst();
  return Number(row?.shipping ?? 0);
}

export function shippingRefundedQuery(trx: Tx, storeId: string, orderId: string) {
  return trx
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum((breakdown->>'shipping')::bigint), 0)`.as('shipping'))
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('status', '!=', 'failed');
}

/** What each line's chosen SKU costs in the order's currency, keyed `lineId|sku`: the same SKU is
 * what the line paid; another is the catalogue's own price in that currency, else the line's price
 * plus the catalogue difference converted at the store's rate of `day` (domain/catalog-pricing.ts),
 * exactly as the portal lists them. A pair with no price is absent (not offered). */
export async function exchangePrices(
  trx: Tx,
  storeId: string,
  order: Order,
  pairs: { lineId: string; sku: string }[],
  rates: RateTable,
  day = new Date().toISOString().slice(0, 10),
): Promise<Record<string, number>> {
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'product_group', 'price', 'currency', 'prices'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', [...new Set([...pairs.map((p) => p.sku), ...order.lines.map((l) => l.sku)])])
    .execute();
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  const out: Record<string, number> = {};
  for (const { lineId, sku } of pairs) {
    const line = order.lines.find((l) => l.id === lineId);
    if (!line) continue;
    if (sku === line.sku) {
      out[exchangeKey(lineId, sku)] = line.unit_price;
      continue;
    }
    const v = bySku.get(sku);
    if (!v) continue;
    const catalog = bySku.get(line.sku) ?? null;
    const price = variantPriceIn(order.currency, v, { catalog, paidUnitPrice: line.unit_price }, rates, day);
    if (price !== null) out[exchangeKey(lineId, sku)] = price;
  }
  return out;
}

/** What open returns of an order were decided to pay back and have not paid yet. */
export async function promisedByOpenReturns(trx: Tx, storeId: string, orderId: string): Promise<number> {
  const row = await promisedByOpenReturnsQuery(trx, storeId, orderId).executeTakeFirst();
  return Number(row?.promised ?? 0);
}

export function promisedByOpenReturnsQuery(trx: Tx, storeId: string, orderId: string) {
  return trx
    .selectFrom('returns as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(sql<number>`coalesce(sum((r.refund->>'total')::bigint), 0)`.as('promised'))
    .where('c.store_id', '=', storeId)
    .where('c.order_id', '=', orderId)
    .where('c.status', 'not in', ['rejected', 'canceled', 'completed']);
}
