// Writes a batch of orders in one transaction with a dozen set-based statements, leaving the same
// rows as upsertOrder on each in turn would. New orders and stored orders without after-sales work
// take the set-based path; a stored order that returns, cancellations or refunds hang on goes
// through upsertOrder itself (under a savepoint), so its guards refuse exactly what they refuse.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { copyCsv } from './copy-csv.ts';
import {
  type CustomerRow,
  clearReplaced,
  type FulfillmentRow,
  findOrdersByKeys,
  insertFulfillments,
  insertOrders,
  insertPayments,
  type LineRow,
  lineRow,
  type OrderRow,
  type PaymentRow,
  type Tracked,
  updateOrders,
  upsertCustomers,
  upsertLines,
} from './order-batch.queries.ts';
import type { OrderInput } from './orders.schemas.ts';
import { orderColumns, upsertOrder } from './upsert-order.ts';

export type BatchResult = { created: boolean } | { error: unknown };

/** What identifies the stored order an input replaces (see findOrderForUpsert). */
export const orderKey = (o: Pick<OrderInput, 'external_id' | 'number' | 'channel'>): string =>
  o.external_id === null ? `n\u0000${o.channel}\u0000${o.number}` : `e\u0000${o.external_id}`;

/** COPY of CSV rows inside the batch's transaction (Database.copyCsv on it). */
export type CopyCsv = (table: string, columns: string[], csv: string) => Promise<void>;

/**
 * `orders` must not repeat an order key (the caller starts a new batch instead): a repeat is a
 * replacement of what the same batch wrote, which only a later batch sees. Emails may repeat.
 * Throws when the database refuses the set-based part; the caller then retries one by one. With
 * `copy`, rows nothing can conflict with (new orders, their lines, payments, parcels) go by COPY.
 */
export async function writeOrderBatch(
  trx: Tx,
  storeId: string,
  orders: OrderInput[],
  copy?: CopyCsv,
): Promise<BatchResult[]> {
  const results: BatchResult[] = new Array(orders.length);
  const externalIds = orders.flatMap((o) => (o.external_id === null ? [] : [o.external_id]));
  const numbers = orders.flatMap((o) =>
    o.external_id === null ? [{ number: o.number, channel: o.channel }] : [],
  );
  const stored = new Map<string, { id: string; guarded: boolean }>();
  for (const f of await findOrdersByKeys(trx, storeId, externalIds, numbers)) {
    const key = orderKey(f);
    if (!stored.has(key)) stored.set(key, f);
  }

  // Guarded replacements first, each on its own: a refusal rolls back only that order.
  const taken: OrderInput[] = [];
  const fast: { index: number; input: OrderInput; id: string; existing: boolean }[] = [];
  for (const [index, input] of orders.entries()) {
    const found = stored.get(orderKey(input));
    if (!found?.guarded) {
      taken.push(input);
      fast.push({ index, input, id: found?.id ?? randomUUID(), existing: found !== undefined });
      continue;
    }
    await sql`SAVEPOINT guarded_upsert`.execute(trx);
    try {
      await upsertOrder(trx, storeId, input);
      await sql`RELEASE SAVEPOINT guarded_upsert`.execute(trx);
      results[index] = { created: false };
      taken.push(input);
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT guarded_upsert`.execute(trx);
      results[index] = { error };
    }
  }
  if (fast.length === 0) return results;

  const customerIds = await upsertCustomers(trx, storeId, foldCustomers(taken));

  const rows = fast.map(({ input, id }) =>
    batchOrderRow(input, id, customerIds.get(input.customer.email.toLowerCase()) as string),
  );
  const fresh = fast.filter((f) => !f.existing);
  const replaced = fast.filter((f) => f.existing);
  // rows no other row can conflict with: COPY where the database has it, a multi-row INSERT otherwise
  const insert = async (table: string, rows: object[], otherwise: () => Promise<void>) => {
    if (!copy) return otherwise();
    if (rows.length === 0) return;
    const { columns, csv } = copyCsv(storeId, rows);
    await copy(table, columns, csv);
  };
  const freshRows = rows.filter((_, i) => !fast[i]?.existing);
  await insert('orders', freshRows, () => insertOrders(trx, storeId, freshRows));
  await updateOrders(
    trx,
    storeId,
    rows.filter((_, i) => fast[i]?.existing),
    new Date(),
  );
  const tracked = await clearReplaced(
    trx,
    storeId,
    replaced.flatMap((f) => f.input.lines.map((l) => ({ order_id: f.id, line_id: l.id }))),
  );
  const trackedBy = new Map(tracked.map((t) => [`${t.order_id}\u0000${t.fulfillment_id}`, t]));

  const { lines, payments, parcels } = childRows(fast, trackedBy);
  if (copy) {
    // a replaced order's kept lines are updated in place (returns may point at them)
    const freshIds = new Set(fresh.map((f) => f.id));
    const freshLines = lines.filter((l) => freshIds.has(l.order_id));
    await insert('order_lines', freshLines, async () => {});
    await upsertLines(
      trx,
      storeId,
      lines.filter((l) => !freshIds.has(l.order_id)),
    );
  } else await upsertLines(trx, storeId, lines);
  await insert('payments', payments, () => insertPayments(trx, storeId, payments));
  await insert('fulfillments', parcels, () => insertFulfillments(trx, storeId, parcels));
  for (const f of fast) results[f.index] = { created: !f.existing };
  return results;
}

/** The order's row as upsertOrder stores it, its jsonb columns as values rather than JSON text. */
export function batchOrderRow(input: OrderInput, id: string, customerId: string): OrderRow {
  return {
    id,
    ...orderColumns(input, customerId, input.shipping_address as unknown, input.discounts as unknown),
  };
}

/** One customer row per email, folding the orders in turn as successive upserts would merge them. */
export function foldCustomers(orders: OrderInput[]): CustomerRow[] {
  const customers = new Map<string, CustomerRow>();
  for (const { customer: c, shipping_address } of orders) {
    const email = c.email.toLowerCase();
    const was = customers.get(email);
    customers.set(email, {
      id: was?.id ?? randomUUID(),
      email,
      name: c.name ?? was?.name ?? null,
      phone: c.phone ?? was?.phone ?? null,
      country: shipping_address.country,
      language: c.language ?? was?.language ?? null,
      time_zone: c.time_zone ?? was?.time_zone ?? null,
      segments: c.segments,
    });
  }
  return [...customers.values()];
}

/** The lines, payments and parcels of orders, as writeOrderRows stores them. */
export function childRows(
  orders: { input: OrderInput; id: string }[],
  trackedBy: Map<string, Tracked> = new Map(),
): { lines: LineRow[]; payments: PaymentRow[]; parcels: FulfillmentRow[] } {
  const lines: LineRow[] = [];
  const payments: PaymentRow[] = [];
  const parcels: FulfillmentRow[] = [];
  for (const { input, id } of orders) {
    input.lines.forEach((l, position) => {
      lines.push(lineRow(id, l, position));
    });
    input.payments.forEach((p, position) => {
      payments.push({ order_id: id, position, ...p });
    });
    for (const f of input.fulfillments) {
      // what carriers told about a parcel outlives a new version of the order from its platform
      const t = trackedBy.get(`${id}\u0000${f.id}`);
      parcels.push({
        order_id: id,
        fulfillment_id: f.id,
        carrier: f.carrier,
        tracking_number: f.tracking_number,
        shipped_at: f.shipped_at,
        delivered_at: f.delivered_at ?? t?.delivered_at ?? null,
        origin_country: f.origin_country,
        lines: f.lines,
        milestone: t?.milestone ?? null,
        milestone_at: t?.milestone_at ?? null,
        tracking_events: t?.tracking_events ?? [],
      });
    }
  }
  return { lines, payments, parcels };
}
