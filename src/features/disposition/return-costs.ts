// Keep-the-item per destination: what the customer's return label (by the country the parcel leaves
// and its weight band) and taking the unit in would cost, per line of an order, priced in the order's
// currency at the store's rate, for the policy engine (DecisionContext.returnCosts). A store without
// cost tables, or without a rate to price them, gets nothing here and the policy's flat estimate holds.
import type { Tx } from '../../db/schema.ts';
import type { RateTable } from '../../domain/currency.ts';
import type { Order } from '../../domain/order.ts';
import type { ReturnCostEstimate } from '../../domain/policy/types.ts';
import { bandsFor, readStoredCosts } from '../../domain/suppliers/disposition-costs.ts';
import { getStoredCosts, productWeights } from './disposition.queries.ts';

export async function customerReturnCosts(
  trx: Tx,
  storeId: string,
  order: Order,
  rates: RateTable,
  day: string,
  /** the store's cost tables and the order's product weights, when the caller read them already */
  known?: {
    store: { disposition_costs: unknown; currency: string };
    weights: Map<string, number>;
  },
): Promise<Record<string, ReturnCostEstimate> | undefined> {
  const store = known?.store ?? (await getStoredCosts(trx, storeId));
  const tables = store && readStoredCosts(store.disposition_costs, store.currency);
  if (!tables) return undefined;
  const price = (amount: number): number | null => {
    if (tables.currency === order.currency || amount === 0) return amount;
    return rates.convert(amount, tables.currency, order.currency, day)?.to.amount ?? null;
  };
  const bands = bandsFor(tables.labels.customer_return, order.shipping_address.country).map((b) => ({
    max_grams: b.max_grams,
    cost: price(b.cost),
  }));
  const handling = price(tables.handling.receive);
  if (handling === null || bands.some((b) => b.cost === null)) return undefined;
  const priced = bands as { max_grams: number; cost: number }[];
  const weights =
    known?.weights ?? (await productWeights(trx, storeId, [...new Set(order.lines.map((l) => l.sku))]));
  return Object.fromEntries(
    order.lines.map((l) => [
      l.id,
      {
        unitGrams: weights.get(l.sku) ?? tables.default_weight_grams,
        bands: priced,
        handlingPerUnit: handling,
      },
    ]),
  );
}
