// Gathers what the policy engine needs about one order: the order itself, the store's current
// policy (or a draft being previewed), what earlier returns took and what was already refunded,
// and the tags rules match on.
// The engine then decides without touching the database.

import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { Tx } from '../../db/schema.ts';
import { rateTable } from '../../domain/currency.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { defaultTimeZone } from '../../domain/jurisdictions.ts';
import type { Address } from '../../domain/order.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { DecisionContext } from '../../domain/policy/types.ts';
import { normalizeLanguage } from '../../i18n/index.ts';
import { addUnits, unitsRefundedByCasesQuery } from '../cases/cases.queries.ts';
import { customerReturnCosts } from '../disposition/return-costs.ts';
import { loadOrder, type StoredOrder } from '../orders/load-order.ts';
import { returnedQuantitiesQuery } from '../orders/orders.queries.ts';
import { readPolicyRow } from '../policy/policy.queries.ts';
import { RATE_COLUMNS } from '../rates/rates.queries.ts';
import { STORE_COLUMNS, type Store } from '../stores/stores.queries.ts';
import {
  exchangePrices,
  promisedByOpenReturnsQuery,
  shippingRefundedQuery,
} from './decision-context.queries.ts';

export interface LoadedContext {
  stored: StoredOrder;
  ctx: DecisionContext;
  /** the store, as it was read with the rest */
  store: Store;
  /** which of the `numbers` asked about are already some case's number */
  takenNumbers: string[];
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
    /** lock the order row (a request that may take its last units) */
    lock?: boolean;
    /** candidate numbers for a new case, checked against the store's cases in the same read */
    numbers?: string[];
  } = {},
): Promise<LoadedContext> {
  const stored = await loadOrder(trx, storeId, orderId, { lock: options.lock ?? false });
  if (!stored) throw notFound('Order');
  const order = stored.order;
  const facts = await orderFacts(
    trx,
    storeId,
    orderId,
    [...new Set(order.lines.map((l) => l.sku))],
    options.numbers ?? [],
  );
  if (!facts.policy) throw new AppError('internal', 'The store has no return policy');
  const saved = readPolicyRow(storeId, facts.policy);
  const chosen = options.draftPolicy ? { version: saved.version + 1, document: options.draftPolicy } : saved;
  // a document without a currency (a draft that left it out) is in the store's currency
  const currency = chosen.document.currency ?? facts.store.currency;
  const policy = { ...chosen, document: { ...chosen.document, currency } };
  const rates = rateTable(facts.rates);
  const held = new Map(facts.held.map((r) => [r.line_id, Number(r.quantity)]));
  const catalogue = new Map(facts.products.map((p) => [p.sku, p.tags]));
  const weights = new Map(
    facts.products.flatMap((p) => (p.weight_grams === null ? [] : [[p.sku, p.weight_grams] as const])),
  );
  const ctx: DecisionContext = {
    order,
    policy: policy.document,
    policyVersion: policy.version,
    timeZone: order.customer.time_zone ?? defaultTimeZone(order.shipping_address.country),
    language: normalizeLanguage(options.language ?? order.customer.language),
    // units paid back as lost count as taken too: a parcel that turns up after its refund is not
    // refunded a second time through a return
    prior: [...addUnits(held, facts.by_cases)].map(([lineId, quantity]) => ({ lineId, quantity })),
    // Open returns' decisions count as spent, so two returns can never promise more than was paid.
    refundedSoFar: stored.refunded_amount + Number(facts.promised ?? 0),
    shippingRefundedSoFar: Number(facts.shipping ?? 0),
    rates,
    // keep-the-item weighs the store's own label costs for this destination and weight, if it has them
    returnCosts: await customerReturnCosts(
      trx,
      storeId,
      order,
      rates,
      options.day ?? new Date().toISOString().slice(0, 10),
      { store: facts.store, weights },
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
  return { stored, ctx, store: facts.store, takenNumbers: facts.taken.map((t) => t.number) };
}

/**
 * Everything the engine needs beside the order, in one query: the store, its current policy and
 * rates, what earlier returns and cases took or promised, the catalogue's tags and weights, and
 * which candidate case numbers are taken.
 */
/** The store, its policy and rates, and what the order has had already: the create's one read. */
const orderFactsQuery = reusable(
  ['storeId', 'orderId', 'skus', 'numbers'],
  (db, p: { storeId: string; orderId: string; skus: string[]; numbers: string[] }) =>
    db
      .selectFrom('stores as s')
      .select([...STORE_COLUMNS.map((c) => `s.${c}` as const), 's.disposition_costs'])
      .select((eb) => [
        jsonObjectFrom(
          eb
            .selectFrom('policies as pl')
            .select(['pl.version', 'pl.document', 'pl.created_by', 'pl.created_at'])
            .whereRef('pl.store_id', '=', 's.id')
            .orderBy('pl.version', 'desc')
            .limit(1),
        ).as('policy'),
        jsonArrayFrom(
          eb
            .selectFrom('exchange_rates')
            .select(RATE_COLUMNS)
            .where('store_id', '=', p.storeId)
            .orderBy('day')
            .orderBy('base')
            .orderBy('quote'),
        ).as('rates'),
        jsonArrayFrom(returnedQuantitiesQuery(db, p.storeId, p.orderId)).as('held'),
        jsonArrayFrom(unitsRefundedByCasesQuery(db, p.storeId, p.orderId)).as('by_cases'),
        promisedByOpenReturnsQuery(db, p.storeId, p.orderId).as('promised'),
        shippingRefundedQuery(db, p.storeId, p.orderId).as('shipping'),
        // lists as one array parameter each: the text is the same whatever their length
        jsonArrayFrom(
          eb
            .selectFrom('products as pr')
            .select(['pr.sku', 'pr.tags', 'pr.weight_grams'])
            .where('pr.store_id', '=', p.storeId)
            .where(sql<boolean>`pr.sku = any(${p.skus}::text[])`)
            .orderBy('pr.sku'),
        ).as('products'),
        jsonArrayFrom(
          eb
            .selectFrom('cases as k')
            .select('k.number')
            .where('k.store_id', '=', p.storeId)
            .where(sql<boolean>`k.number = any(${p.numbers}::text[])`),
        ).as('taken'),
      ])
      .where('s.id', '=', p.storeId),
);

async function orderFacts(trx: Tx, storeId: string, orderId: string, skus: string[], numbers: string[]) {
  const row = await orderFactsQuery.executeTakeFirst(trx, { storeId, orderId, skus, numbers });
  if (!row) throw notFound('Store');
  const { policy, rates, held, by_cases, promised, shipping, products, taken, ...store } = row;
  return {
    store: { ...store, return_address: store.return_address as Address } as Store & {
      disposition_costs: unknown;
    },
    policy,
    rates,
    held,
    by_cases,
    promised,
    shipping,
    products,
    taken,
  };
}
