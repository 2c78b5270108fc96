// Set-based writes for bulk ingestion: each statement takes the whole batch as one jsonb parameter
// (jsonb_to_recordset), so a batch of a thousand orders costs a dozen round trips, not thousands.
// The same SQL runs on PostgreSQL and PGlite. The rows written are those upsertOrder writes.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import type { OrderInput } from './orders.schemas.ts';

export interface FoundOrder {
  id: string;
  external_id: string | null;
  number: string;
  channel: string;
  /** after-sales work hangs on it: a replacement must go through upsertOrder's guards */
  guarded: boolean;
}

const json = (rows: unknown) => sql`${JSON.stringify(rows)}::jsonb`;

// Whatever upsertOrder guards (returns, cancelled units, refunds) or could trip on (case lines
// name order lines): such an order is replaced one at a time, with its guards.
const GUARDED = sql<boolean>`(o.refunded_amount > 0
  OR EXISTS (SELECT 1 FROM return_lines x WHERE x.store_id = o.store_id AND x.order_id = o.id)
  OR EXISTS (SELECT 1 FROM case_lines x WHERE x.store_id = o.store_id AND x.order_id = o.id)
  OR EXISTS (SELECT 1 FROM refunds x WHERE x.store_id = o.store_id AND x.order_id = o.id)
  OR EXISTS (SELECT 1 FROM order_lines x WHERE x.order_id = o.id AND x.cancelled_quantity > 0))`;

/** The stored orders these inputs replace, locked: by external id, or by number and channel without one. */
export async function findOrdersByKeys(
  trx: Tx,
  storeId: string,
  externalIds: string[],
  numbers: { number: string; channel: string }[],
): Promise<FoundOrder[]> {
  const out: FoundOrder[] = [];
  if (externalIds.length > 0) {
    const r = await sql<FoundOrder>`
      SELECT o.id, o.external_id, o.number, o.channel, ${GUARDED} AS guarded
      FROM orders o
      WHERE o.store_id = ${storeId}
        AND o.external_id IN (SELECT jsonb_array_elements_text(${json(externalIds)}))
      FOR UPDATE OF o`.execute(trx);
    out.push(...r.rows);
  }
  if (numbers.length > 0) {
    const r = await sql<FoundOrder>`
      SELECT o.id, o.external_id, o.number, o.channel, ${GUARDED} AS guarded
      FROM orders o
      JOIN jsonb_to_recordset(${json(numbers)}) AS k(number text, channel text)
        ON o.number = k.number AND o.channel = k.channel
      WHERE o.store_id = ${storeId} AND o.external_id IS NULL
      FOR UPDATE OF o`.execute(trx);
    out.push(...r.rows);
  }
  return out;
}

export interface CustomerRow {
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  country: string;
  language: string | null;
  time_zone: string | null;
  segments: string[];
}

/** One row per email (the caller folds repeats); the same merge as upsertCustomer. Returns ids by email. */
export async function upsertCustomers(
  trx: Tx,
  storeId: string,
  rows: CustomerRow[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  // A customer whose row would not change (a repeat buyer, the same details) is not written again: a
  // dead row and index entries each time, a fifth of an import's database time. Its id is read from
  // the statement's snapshot, where it already was; the row is still locked by the conflict.
  const r = await sql<{ id: string; email: string }>`
    WITH c AS (
      SELECT * FROM jsonb_to_recordset(${json(rows)}) AS c(id uuid, email text, name text, phone text,
        country text, language text, time_zone text, segments text[])
    ), written AS (
      INSERT INTO customers (store_id, id, email, name, phone, country, language, time_zone, segments)
      SELECT ${storeId}::uuid, c.id, c.email, c.name, c.phone, c.country, c.language, c.time_zone, c.segments
      FROM c
      ON CONFLICT (store_id, email) DO UPDATE SET
        name = coalesce(excluded.name, customers.name),
        phone = coalesce(excluded.phone, customers.phone),
        country = excluded.country,
        language = coalesce(excluded.language, customers.language),
        time_zone = coalesce(excluded.time_zone, customers.time_zone),
        segments = excluded.segments
      WHERE (coalesce(excluded.name, customers.name), coalesce(excluded.phone, customers.phone),
          excluded.country, coalesce(excluded.language, customers.language),
          coalesce(excluded.time_zone, customers.time_zone), excluded.segments)
        IS DISTINCT FROM (customers.name, customers.phone, customers.country, customers.language,
          customers.time_zone, customers.segments)
      RETURNING id, email
    )
    SELECT id, email FROM written
    UNION ALL
    SELECT k.id, k.email FROM customers k JOIN c ON k.email = c.email
    WHERE k.store_id = ${storeId} AND c.email NOT IN (SELECT email FROM written)`.execute(trx);
  return new Map(r.rows.map((c) => [c.email, c.id]));
}

export interface OrderRow {
  id: string;
  external_id: string | null;
  number: string;
  channel: string;
  currency: string;
  placed_at: string;
  return_terms_disclosed: boolean;
  customer_id: string;
  customer_language: string | null;
  customer_time_zone: string | null;
  customer_segments: string[];
  shipping_address: unknown;
  destination_country: string;
  discounts: unknown;
  shipping_amount: number;
  shipping_tax: number;
  total_amount: number;
  paid_amount: number;
  tags: string[];
}

const ORDER_RECORD = sql`r(id uuid, external_id text, number text, channel text, currency text,
  placed_at timestamptz, return_terms_disclosed boolean, customer_id uuid, customer_language text,
  customer_time_zone text, customer_segments text[], shipping_address jsonb, destination_country text,
  discounts jsonb, shipping_amount bigint, shipping_tax bigint, total_amount bigint, paid_amount bigint,
  tags text[])`;

export async function insertOrders(trx: Tx, storeId: string, rows: OrderRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO orders (store_id, id, external_id, number, channel, currency, placed_at,
      return_terms_disclosed, customer_id, customer_language, customer_time_zone, customer_segments,
      shipping_address, destination_country, discounts, shipping_amount, shipping_tax, total_amount,
      paid_amount, tags)
    SELECT ${storeId}::uuid, r.id, r.external_id, r.number, r.channel, r.currency, r.placed_at,
      r.return_terms_disclosed, r.customer_id, r.customer_language, r.customer_time_zone,
      r.customer_segments, r.shipping_address, r.destination_country, r.discounts, r.shipping_amount,
      r.shipping_tax, r.total_amount, r.paid_amount, r.tags
    FROM jsonb_to_recordset(${json(rows)}) AS ${ORDER_RECORD}`.execute(trx);
}

/** Replaces the order-level fields of stored orders (ids in the rows); refunds and history stay. */
export async function updateOrders(trx: Tx, storeId: string, rows: OrderRow[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE orders o SET external_id = r.external_id, number = r.number, channel = r.channel,
      currency = r.currency, placed_at = r.placed_at, return_terms_disclosed = r.return_terms_disclosed,
      customer_id = r.customer_id, customer_language = r.customer_language,
      customer_time_zone = r.customer_time_zone, customer_segments = r.customer_segments,
      shipping_address = r.shipping_address, destination_country = r.destination_country,
      discounts = r.discounts, shipping_amount = r.shipping_amount, shipping_tax = r.shipping_tax,
      total_amount = r.total_amount, paid_amount = r.paid_amount, tags = r.tags, updated_at = ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json(rows)}) AS ${ORDER_RECORD}
    WHERE o.store_id = ${storeId} AND o.id = r.id`.execute(trx);
}

export interface Tracked {
  order_id: string;
  fulfillment_id: string;
  milestone: string | null;
  milestone_at: Date | null;
  tracking_events: unknown[];
  delivered_at: Date | null;
}

/**
 * Clears what a replacement rewrites for stored orders: payments and parcels (returning what
 * carriers told about the parcels, which outlives the new version) and the lines it no longer has.
 */
export async function clearReplaced(
  trx: Tx,
  storeId: string,
  keep: { order_id: string; line_id: string }[],
): Promise<Tracked[]> {
  const ids = [...new Set(keep.map((k) => k.order_id))];
  if (ids.length === 0) return [];
  const idList = sql`(SELECT jsonb_array_elements_text(${json(ids)})::uuid)`;
  const tracked = await sql<Tracked>`
    DELETE FROM fulfillments WHERE store_id = ${storeId} AND order_id IN ${idList}
    RETURNING order_id, fulfillment_id, milestone, milestone_at, tracking_events, delivered_at`.execute(trx);
  await sql`DELETE FROM payments WHERE store_id = ${storeId} AND order_id IN ${idList}`.execute(trx);
  await sql`
    DELETE FROM order_lines l WHERE l.store_id = ${storeId} AND l.order_id IN ${idList}
      AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(keep)}) AS k(order_id uuid, line_id text)
        WHERE k.order_id = l.order_id AND k.line_id = l.line_id)`.execute(trx);
  return tracked.rows.filter((t) => t.milestone !== null);
}

export interface LineRow {
  order_id: string;
  line_id: string;
  position: number;
  sku: string;
  title: string;
  variant: string | null;
  category: string | null;
  quantity: number;
  unit_price: number;
  discount: number;
  tax: number;
  flags: string[];
  supplier: string | null;
  no_reason_return_waived: boolean;
  tags: string[];
}

/** An order line's row as the input gives it (the store's id aside): the one mapping, for both writers. */
export function lineRow(orderId: string, l: OrderInput['lines'][number], position: number): LineRow {
  return {
    order_id: orderId,
    line_id: l.id,
    position,
    sku: l.sku,
    title: l.title,
    variant: l.variant,
    category: l.category,
    quantity: l.quantity,
    unit_price: l.unit_price,
    discount: l.discount,
    tax: l.tax,
    flags: l.flags,
    supplier: l.supplier,
    no_reason_return_waived: l.no_reason_return_waived,
    tags: l.tags,
  };
}

export async function upsertLines(trx: Tx, storeId: string, rows: LineRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO order_lines (store_id, order_id, line_id, position, sku, title, variant, category,
      quantity, unit_price, discount, tax, flags, supplier, no_reason_return_waived, tags)
    SELECT ${storeId}::uuid, r.order_id, r.line_id, r.position, r.sku, r.title, r.variant, r.category,
      r.quantity, r.unit_price, r.discount, r.tax, r.flags, r.supplier, r.no_reason_return_waived, r.tags
    FROM jsonb_to_recordset(${json(rows)}) AS r(order_id uuid, line_id text, position integer, sku text,
      title text, variant text, category text, quantity integer, unit_price bigint, discount bigint,
      tax bigint, flags text[], supplier text, no_reason_return_waived boolean, tags text[])
    ON CONFLICT (order_id, line_id) DO UPDATE SET position = excluded.position, sku = excluded.sku,
      title = excluded.title, variant = excluded.variant, category = excluded.category,
      quantity = excluded.quantity, unit_price = excluded.unit_price, discount = excluded.discount,
      tax = excluded.tax, flags = excluded.flags, supplier = excluded.supplier,
      no_reason_return_waived = excluded.no_reason_return_waived, tags = excluded.tags`.execute(trx);
}

export interface PaymentRow {
  order_id: string;
  position: number;
  provider: string;
  reference: string | null;
  amount: number;
}

export async function insertPayments(trx: Tx, storeId: string, rows: PaymentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO payments (store_id, order_id, position, provider, reference, amount)
    SELECT ${storeId}::uuid, r.order_id, r.position, r.provider, r.reference, r.amount
    FROM jsonb_to_recordset(${json(rows)})
      AS r(order_id uuid, position integer, provider text, reference text, amount bigint)`.execute(trx);
}

export interface FulfillmentRow {
  order_id: string;
  fulfillment_id: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: string | null;
  delivered_at: string | Date | null;
  origin_country: string | null;
  lines: unknown;
  milestone: string | null;
  milestone_at: Date | null;
  tracking_events: unknown[];
}

export async function insertFulfillments(trx: Tx, storeId: string, rows: FulfillmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO fulfillments (store_id, order_id, fulfillment_id, carrier, tracking_number, shipped_at,
      delivered_at, origin_country, lines, milestone, milestone_at, tracking_events)
    SELECT ${storeId}::uuid, r.order_id, r.fulfillment_id, r.carrier, r.tracking_number, r.shipped_at,
      r.delivered_at, r.origin_country, r.lines, r.milestone, r.milestone_at, r.tracking_events
    FROM jsonb_to_recordset(${json(rows)}) AS r(order_id uuid, fulfillment_id text, carrier text,
      tracking_number text, shipped_at timestamptz, delivered_at timestamptz, origin_country text,
      lines jsonb, milestone text, milestone_at timestamptz, tracking_events jsonb)`.execute(trx);
}
