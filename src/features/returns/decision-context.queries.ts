import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { variantPriceIn } from '../../domain/catalog-pricing.ts';
import type { RateTable } from '../../domain/currency.ts';
import type { Order } from '../../domain/order.ts';

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

/** The price of each SKU a customer may exchange to, in the order's currency: the catalogue's own
 * price in it, else the ordered item's price paid plus the catalogue difference converted at the
 * store's rate (domain/catalog-pricing.ts). A SKU with no price in that currency is absent. */
export async function exchangePrices(
  trx: Tx,
  storeId: string,
  order: Order,
  skus: string[],
  rates: RateTable,
): Promise<Record<string, number>> {
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'product_group', 'price', 'currency', 'prices'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', [...new Set([...skus, ...order.lines.map((l) => l.sku)])])
    .execute();
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  const day = new Date().toISOString().slice(0, 10);
  const out: Record<string, number> = {};
  for (const sku of skus) {
    const v = bySku.get(sku);
    if (!v) continue;
    // the ordered line this SKU would replace: the same SKU, else one of the same product group
    const line =
      order.lines.find((l) => l.sku === sku) ??
      order.lines.find(
        (l) => v.product_group !== null && bySku.get(l.sku)?.product_group === v.product_group,
      );
    const catalog = line ? (bySku.get(line.sku) ?? null) : null;
    const price = variantPriceIn(
      order.currency,
      v,
      { catalog, paidUnitPrice: line?.unit_price ?? 0 },
      rates,
      day,
    );
    if (price !== null) out[sku] = price;
  }
  return out;
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
