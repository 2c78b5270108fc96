// The sizes and colours a customer may exchange an ordered line for, priced in the order's currency
// (domain/catalog-pricing.ts): a variant with no price in that currency is left out, since the
// customer could not be told what it costs.
import type { Tx } from '../../db/schema.ts';
import { variantPriceIn } from '../../domain/catalog-pricing.ts';
import type { Order, OrderLine } from '../../domain/order.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { variantsOf } from './catalog.queries.ts';

export async function pricedVariants(trx: Tx, storeId: string, order: Order, line: OrderLine) {
  const rows = await variantsOf(trx, storeId, line.sku);
  if (rows.length === 0) return [];
  const rates = await loadRateTable(trx, storeId);
  const ordered = rows.find((r) => r.sku === line.sku) ?? null;
  const day = new Date().toISOString().slice(0, 10);
  const out = [];
  for (const v of rows) {
    const price =
      v.sku === line.sku
        ? line.unit_price
        : variantPriceIn(order.currency, v, { catalog: ordered, paidUnitPrice: line.unit_price }, rates, day);
    if (price === null) continue;
    out.push({
      sku: v.sku,
      title: v.title,
      variant: v.variant,
      price,
      currency: order.currency,
      current: v.sku === line.sku,
    });
  }
  return out;
}
