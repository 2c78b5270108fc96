import { randomUUID } from 'node:crypto';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB, NewRow, Tx } from '../../db/schema.ts';
import { lineRow } from './order-batch.queries.ts';
import type { OrderInput } from './orders.schemas.ts';

export async function upsertCustomer(trx: Tx, storeId: string, c: OrderInput['customer'], country: string) {
  const row = await trx
    .insertInto('customers')
    .values({
      store_id: storeId,
      id: randomUUID(),
      email: c.email.toLowerCase(),
      name: c.name,
      phone: c.phone,
      country,
      language: c.language,
      time_zone: c.time_zone,
      segments: c.segments,
    })
    .onConflict((oc) =>
      oc.columns(['store_id', 'email']).doUpdateSet((eb) => ({
        name: sql`coalesce(${eb.ref('excluded.name')}, customers.name)`,
        phone: sql`coalesce(${eb.ref('excluded.phone')}, customers.phone)`,
        country: eb.ref('excluded.country'),
        language: sql`coalesce(${eb.ref('excluded.language')}, customers.language)`,
        time_zone: sql`coalesce(${eb.ref('excluded.time_zone')}, customers.time_zone)`,
        segments: eb.ref('excluded.segments'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Finds the order an input replaces: by external id, or by number when the input has none. */
export async function findOrderForUpsert(
  trx: Tx,
  storeId: string,
  input: Pick<OrderInput, 'external_id' | 'number' | 'channel'>,
) {
  let q = trx
    .selectFrom('orders')
    .select(['id', 'refunded_amount', 'currency'])
    .where('store_id', '=', storeId);
  // Without an external id, an order is the same order when number and channel both match.
  q = input.external_id
    ? q.where('external_id', '=', input.external_id)
    : q
        .where('number', '=', input.number)
        .where('channel', '=', input.channel)
        .where('external_id', 'is', null);
  return q.forUpdate().executeTakeFirst();
}

/**
 * Units of each line held by returns that were not rejected or canceled. A completed return holds
 * what actually came back (or, kept by the customer, what was asked): units that never arrived are
 * free to be returned again.
 */
export async function returnedQuantities(
  trx: Tx,
  storeId: string,
  orderId: string,
): Promise<Map<string, number>> {
  const rows = await returnedQuantitiesQuery(trx, storeId, orderId).execute();
  return new Map(rows.map((r) => [r.line_id, Number(r.quantity)]));
}

/** Units of each line held by returns (received ones for finished returns), as a query to compose. */
export function returnedQuantitiesQuery(trx: Tx, storeId: string, orderId: string) {
  return trx
    .selectFrom('return_lines as rl')
    .innerJoin('cases as c', 'c.id', 'rl.case_id')
    .innerJoin('returns as r', 'r.case_id', 'rl.case_id')
    .select([
      'rl.line_id',
      sql<number>`sum(CASE WHEN c.status = 'completed' AND r.method <> 'none' THEN rl.received_quantity ELSE rl.quantity END)`.as(
        'quantity',
      ),
    ])
    .where('rl.store_id', '=', storeId)
    .where('rl.order_id', '=', orderId)
    .where('c.status', 'not in', ['rejected', 'canceled'])
    .groupBy('rl.line_id');
}

export async function writeOrderRows(
  trx: Tx,
  storeId: string,
  orderId: string,
  input: OrderInput,
  replacing: boolean,
): Promise<void> {
  // what carriers told about each parcel outlives a new version of the order from its platform
  const tracked = new Map<
    string,
    {
      milestone: string | null;
      milestone_at: Date | null;
      tracking_events: unknown[];
      delivered_at: Date | null;
    }
  >();
  if (replacing) {
    for (const f of await trx
      .selectFrom('fulfillments')
      .select(['fulfillment_id', 'milestone', 'milestone_at', 'tracking_events', 'delivered_at'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .where('milestone', 'is not', null)
      .execute())
      tracked.set(f.fulfillment_id, f);
    await trx
      .deleteFrom('payments')
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .execute();
    await trx
      .deleteFrom('fulfillments')
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .execute();
    const keep = input.lines.map((l) => l.id);
    await trx
      .deleteFrom('order_lines')
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .where('line_id', 'not in', keep)
      .execute();
  }
  await trx
    .insertInto('order_lines')
    .values(input.lines.map((l, position) => ({ store_id: storeId, ...lineRow(orderId, l, position) })))
    .onConflict((oc) =>
      oc.columns(['order_id', 'line_id']).doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        sku: eb.ref('excluded.sku'),
        title: eb.ref('excluded.title'),
        variant: eb.ref('excluded.variant'),
        category: eb.ref('excluded.category'),
        quantity: eb.ref('excluded.quantity'),
        unit_price: eb.ref('excluded.unit_price'),
        discount: eb.ref('excluded.discount'),
        tax: eb.ref('excluded.tax'),
        flags: eb.ref('excluded.flags'),
        supplier: eb.ref('excluded.supplier'),
        no_reason_return_waived: eb.ref('excluded.no_reason_return_waived'),
        tags: eb.ref('excluded.tags'),
      })),
    )
    .execute();
  if (input.payments.length)
    await trx
      .insertInto('payments')
      .values(input.payments.map((p, position) => ({ store_id: storeId, order_id: orderId, position, ...p })))
      .execute();
  if (input.fulfillments.length)
    await trx
      .insertInto('fulfillments')
      .values(
        input.fulfillments.map((f) => ({
          store_id: storeId,
          order_id: orderId,
          fulfillment_id: f.id,
          carrier: f.carrier,
          tracking_number: f.tracking_number,
          shipped_at: f.shipped_at,
          delivered_at: f.delivered_at ?? tracked.get(f.id)?.delivered_at ?? null,
          origin_country: f.origin_country,
          lines: JSON.stringify(f.lines),
          ...(tracked.has(f.id)
            ? {
                milestone: tracked.get(f.id)?.milestone ?? null,
                milestone_at: tracked.get(f.id)?.milestone_at ?? null,
                tracking_events: JSON.stringify(tracked.get(f.id)?.tracking_events ?? []),
              }
            : {}),
        })),
      )
      .execute();
}

export async function lockOrder(trx: Tx, storeId: string, id: string) {
  return trx
    .selectFrom('orders')
    .select(['id', 'paid_amount', 'refunded_amount', 'currency'])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface OrderFilter {
  number?: string;
  external_id?: string;
  email?: string;
}
export interface OrderPage {
  limit: number;
  after?: { placed_at: string; id: string };
}

/** The orders of a store a search matches, after the page's cursor (newest first: see orderPageOrder). */
export function orderSearch(storeId: string, filter: OrderFilter, after: OrderPage['after']) {
  return (eb: ExpressionBuilder<DB & { o: DB['orders'] }, 'o'>) => {
    const all: Expression<SqlBool>[] = [eb('o.store_id', '=', storeId)];
    if (filter.number) all.push(eb('o.number', '=', filter.number));
    if (filter.external_id) all.push(eb('o.external_id', '=', filter.external_id));
    if (filter.email)
      all.push(
        eb(
          'o.customer_id',
          'in',
          eb
            .selectFrom('customers')
            .select('id')
            .where('store_id', '=', storeId)
            .where('email', '=', filter.email.toLowerCase()),
        ),
      );
    if (after)
      all.push(
        eb.or([
          eb('o.placed_at', '<', new Date(after.placed_at)),
          eb.and([eb('o.placed_at', '=', new Date(after.placed_at)), eb('o.id', '<', after.id)]),
        ]),
      );
    return eb.and(all);
  };
}

export async function findOrderIds(
  trx: Tx,
  storeId: string,
  filter: OrderFilter,
  page: OrderPage,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('orders as o')
    .select(['o.id'])
    .where(orderSearch(storeId, filter, page.after))
    .orderBy('o.placed_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Line ids any return of the order names, whatever the return's status. */
export async function linesInReturns(trx: Tx, storeId: string, orderId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('return_lines')
    .select('line_id')
    .distinct()
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .execute();
  return rows.map((r) => r.line_id);
}

export async function insertOrderRow(trx: Tx, row: NewRow<'orders'>): Promise<void> {
  await trx.insertInto('orders').values(row).execute();
}

export async function updateOrderRow(
  trx: Tx,
  storeId: string,
  id: string,
  row: Omit<NewRow<'orders'>, 'store_id' | 'id'>,
): Promise<void> {
  await trx
    .updateTable('orders')
    .set({ ...row, updated_at: new Date() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}
