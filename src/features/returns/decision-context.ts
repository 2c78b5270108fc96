// Gathers what the policy engine needs about one order: the order itself, the store's current
// policy (or a draft being previewed), what earlier returns took and what was already refunded,
// and the tags rules match on.
// The engine then decides without touching the database.

import type { Tx } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { defaultTimeZone } from '../../domain/jurisdictions.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { DecisionContext } from '../../domain/policy/types.ts';
import { normalizeLanguage } from '../../i18n/index.ts';
import { unitsRefundedByCases } from '../cases/cases.queries.ts';
import { productTags } from '../catalog/catalog.queries.ts';
import { customerReturnCosts } from '../disposition/return-costs.ts';
import { loadOrder, returnedQuantities, type StoredOrder } from '../orders/orders.queries.ts';
import { currentPolicy } from '../policy/policy.queries.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import { exchangePrices, promisedByOpenReturns, shippingRefunded } from './decision-context.queries.ts';

export interface LoadedContext {
  stored: StoredOrder;
  ctx: DecisionContext;
}

export async function loadDecisionContext(
  trx: Tx,
  storeId: string,
  orderId: string,
  options: {
    language?: string | null;
    /** the SKU each line would be exchanged for, priced for that line */
    exchange?: { lineId: string; sku: string }[];
    /** the day whose exchange rates price the exchange (the decision's); default today */
    day?: string;
    /** an unsaved policy to try ("what would happen"), decided as the next version */
    draftPolicy?: Policy;
  } = {},
): Promise<LoadedContext> {
  const stored = await loadOrder(trx, storeId, orderId);
  if (!stored) throw notFound('Order');
  const saved = await currentPolicy(trx, storeId);
  if (!saved) throw new AppError('internal', 'The store has no return policy');
  const chosen = options.draftPolicy ? { version: saved.version + 1, document: options.draftPolicy } : saved;
  // a document without a currency (a draft that left it out) is in the store's currency
  const currency = chosen.document.currency ?? (await getStore(trx, storeId))?.currency;
  const policy = { ...chosen, document: { ...chosen.document, currency } };
  const rates = await loadRateTable(trx, storeId);
  const held = await returnedQuantities(trx, storeId, orderId);
  const order = stored.order;
  const catalogue = await productTags(trx, storeId, [...new Set(order.lines.map((l) => l.sku))]);
  const ctx: DecisionContext = {
    order,
    policy: policy.document,
    policyVersion: policy.version,
    timeZone: order.customer.time_zone ?? defaultTimeZone(order.shipping_address.country),
    language: normalizeLanguage(options.language ?? order.customer.language),
    // units paid back as lost count as taken too: a parcel that turns up after its refund is not
    // refunded a second time through a return
    prior: [...(await unitsRefundedByCases(trx, storeId, orderId, held))].map(([lineId, quantity]) => ({
      lineId,
      quantity,
    })),
    // Open returns' decisions count as spent, so two returns can never promise more than was paid.
    refundedSoFar: stored.refunded_amount + (await promisedByOpenReturns(trx, storeId, orderId)),
    shippingRefundedSoFar: await shippingRefunded(trx, storeId, orderId),
    rates,
    // keep-the-item weighs the store's own label costs for this destination and weight, if it has them
    returnCosts: await customerReturnCosts(
      trx,
      storeId,
      order,
      rates,
      options.day ?? new Date().toISOString().slice(0, 10),
    ),
    exchangePrices: options.exchange?.length
      ? await exchangePrices(trx, storeId, order, options.exchange, rates, options.day)
      : {},
    tags: {
      order: stored.tags.order,
      // A line's product tags are those the order brought plus the catalogue's current ones for its
      // SKU, so a store can tag a product once instead of in every order feed (and a catalogue tag
      // reaches orders placed before it was set).
      lines: Object.fromEntries(
        order.lines.map((l) => [
          l.id,
          [...new Set([...(stored.tags.lines[l.id] ?? []), ...(catalogue.get(l.sku) ?? [])])],
        ]),
      ),
    },
  };
  return { stored, ctx };
}
