// The batched import (set-based statements) must leave exactly the rows that upserting each order in
// turn leaves, and refuse the same orders by the same reasons. Two databases get the same history;
// one imports through importOrders, the other one order at a time through upsertOrder.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import {
  type ImportItem,
  type ImportSummary,
  importOrders,
} from '../../src/features/orders/import-orders.ts';
import { type OrderInput, orderInputSchema } from '../../src/features/orders/orders.schemas.ts';
import { upsertOrder } from '../../src/features/orders/upsert-order.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

// counted, to prove which orders took the one-at-a-time path
vi.mock('../../src/features/orders/upsert-order.ts', async (load) => {
  const real = await load<typeof import('../../src/features/orders/upsert-order.ts')>();
  return { ...real, upsertOrder: vi.fn(real.upsertOrder) };
});

let batched: TestApp;
let single: TestApp;
beforeAll(async () => {
  [batched, single] = await Promise.all([createTestApp(), createTestApp()]);
});
afterAll(async () => {
  await Promise.all([batched?.close(), single?.close()]);
});

const order = (over: Record<string, unknown>): OrderInput => orderInputSchema.parse(makeOrder(over));
const line = (id: string, quantity: number, sku = `SKU-${id}`) => ({
  id,
  sku,
  title: `Item ${id}`,
  quantity,
  unit_price: 1000,
  tax: 190,
});

/** What importOrders did before batching: each order in its own transaction, in file order. */
async function oneByOne(database: Database, storeId: string, items: ImportItem[]): Promise<ImportSummary> {
  const s: ImportSummary = { created: 0, updated: 0, refused: [], seconds: 0 };
  for (const item of items) {
    if ('errors' in item) {
      s.refused.push({ ref: item.external_id ?? item.number ?? '?', errors: item.errors });
      continue;
    }
    try {
      const r = await database.db.transaction().execute((trx) => upsertOrder(trx, storeId, item.order));
      r.created ? s.created++ : s.updated++;
    } catch (err) {
      const ref = item.order.external_id ?? item.order.number;
      s.refused.push({ ref, errors: [err instanceof Error ? err.message : String(err)] });
    }
  }
  return s;
}

/** Every row an order import writes, with ids replaced by the order's key and timestamps of writing left out. */
async function rows(t: TestApp) {
  const db = t.database.db;
  const orders = await db.selectFrom('orders').selectAll().where('store_id', '=', t.store.id).execute();
  const customers = await db.selectFrom('customers').selectAll().where('store_id', '=', t.store.id).execute();
  const email = new Map(customers.map((c) => [c.id, c.email]));
  const key = new Map(orders.map((o) => [o.id, `${o.external_id ?? ''}/${o.number}/${o.channel}`]));
  const child = async (table: 'order_lines' | 'payments' | 'fulfillments') =>
    (await db.selectFrom(table).selectAll().where('store_id', '=', t.store.id).execute())
      .map(({ store_id, order_id, ...r }) => ({ order: key.get(order_id), ...r }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    customers: customers
      .map(({ id, store_id, created_at, ...c }) => c)
      .sort((a, b) => a.email.localeCompare(b.email)),
    orders: orders
      .map(({ id, store_id, created_at, updated_at, customer_id, ...o }) => ({
        ...o,
        customer: email.get(customer_id),
      }))
      .sort((a, b) => `${a.external_id}/${a.number}`.localeCompare(`${b.external_id}/${b.number}`)),
    lines: await child('order_lines'),
    payments: await child('payments'),
    fulfillments: await child('fulfillments'),
  };
}

// Stored before the import, in both databases alike.
const kept = order({ external_id: 'kept', number: 'K1' });
const changed = order({ external_id: 'changed', number: 'C1' });
const held = order({ external_id: 'held', number: 'H1' });
const heldToo = order({ external_id: 'held-too', number: 'H2', customer: { email: 'Fold@example.de' } });
const tracked = order({ external_id: 'tracked', number: 'T1' });
const byNumber = order({ external_id: null, number: 'N1', channel: 'pos' });

async function history(t: TestApp) {
  for (const o of [kept, changed, held, heldToo, tracked, byNumber])
    await t.database.db.transaction().execute((trx) => upsertOrder(trx, t.store.id, o));
  for (const ref of ['held', 'held-too']) {
    const id = (await t.call('GET', `/api/v1/orders?external_id=${ref}`)).json().data[0].id;
    const ret = await t.call('POST', '/api/v1/returns', {
      order_id: id,
      lines: [{ line_id: 'L1', quantity: 1 }],
    });
    expect(ret.statusCode, ret.body).toBe(201);
  }
  await sql`UPDATE fulfillments f SET milestone = 'in_transit', milestone_at = '2026-03-03T08:00:00Z',
    tracking_events = '[{"code":"IT"}]', delivered_at = '2026-03-04T09:00:00Z'
    FROM orders o WHERE o.id = f.order_id AND o.external_id = 'tracked'`.execute(t.database.db);
  // The database refuses this one order whatever path it takes: the batch must still name it.
  await sql`CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.number = 'POISON' THEN RAISE EXCEPTION 'poisoned order'; END IF; RETURN NEW; END $$`.execute(
    t.database.db,
  );
  await sql`CREATE TRIGGER poison BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION poison()`.execute(
    t.database.db,
  );
}

const customer = (email: string, name: string | null, segments: string[] = []) => ({
  email,
  name,
  phone: null,
  language: null,
  time_zone: null,
  segments,
});

function importItems(poisoned: boolean): ImportItem[] {
  const shared = (n: number, name: string | null, segments: string[]) =>
    order({
      external_id: `new-${n}`,
      number: `NEW${n}`,
      customer: customer('fold@EXAMPLE.de', name, segments),
      lines: [line('A', 1), line('B', n)],
      payments: [],
      fulfillments: [],
    });
  const items: OrderInput[] = [
    shared(1, 'First Name', ['a']),
    kept,
    order({
      ...changed,
      lines: [line('L2', 3), line('L3', 1)],
      payments: [],
      fulfillments: [],
      tags: ['re'],
    }),
    // shrinks the line its return holds: refused, the rest of its batch goes on
    order({ ...held, lines: [line('L9', 1)], fulfillments: [] }),
    order({ external_id: 'dup', number: 'D1', lines: [line('X', 1)], fulfillments: [] }),
    shared(2, null, ['b']),
    // keeps its held line and is replaced through the guarded path, between two of its customer's orders
    order({ ...heldToo, customer: customer('fold@example.de', 'Held Name', ['h']), tags: ['held'] }),
    order({ ...tracked, fulfillments: tracked.fulfillments.map((f) => ({ ...f, delivered_at: null })) }),
    order({ external_id: 'dup', number: 'D1', lines: [line('X', 3), line('Y', 2)], fulfillments: [] }),
    shared(3, null, ['c']),
    order({ ...byNumber, shipping: { amount: 999, tax: 0 } }),
    ...(poisoned ? [order({ external_id: 'poisoned', number: 'POISON' })] : []),
    order({ external_id: 'dup', number: 'D1', lines: [line('Y', 5)], fulfillments: [] }),
  ];
  const out: ImportItem[] = items.map((o) => ({ order: o }));
  out.splice(5, 0, { external_id: 'bad-row', errors: ['row 7: quantity: "x" is not a whole number'] });
  return out;
}

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

describe('the batched import writes what one upsert after another writes', () => {
  // built once: the builder's times are relative to now, and both databases must get the same orders
  const first = importItems(false);
  const second = importItems(true);
  let fast: ImportSummary;
  let guardedCalls: (string | null)[];
  let slow: ImportSummary;
  beforeAll(async () => {
    await Promise.all([history(batched), history(single)]);
    vi.mocked(upsertOrder).mockClear();
    fast = await importOrders(batched.database, batched.store.id, stream(first), () => {}, {
      batch: 1000,
    });
    guardedCalls = vi.mocked(upsertOrder).mock.calls.map((c) => c[2].external_id);
    slow = await oneByOne(single.database, single.store.id, first);
  });

  it('counts and refuses the same orders, by ref and reason', () => {
    expect([fast.created, fast.updated]).toEqual([slow.created, slow.updated]);
    // new-1..3, dup once; kept, changed, held-too, tracked, N1 and dup twice more
    expect([fast.created, fast.updated]).toEqual([4, 7]);
    const refs = (s: ImportSummary) => s.refused.map((r) => `${r.ref}: ${r.errors.join('; ')}`).sort();
    expect(refs(fast)).toEqual(refs(slow));
    expect(refs(fast)).toEqual([
      'bad-row: row 7: quantity: "x" is not a whole number',
      'held: Line L1 is named by a return and cannot be removed or shrink below 1',
    ]);
  });

  it('takes the set-based path for all but the stored orders with after-sales work', () => {
    expect(guardedCalls).toEqual(['held', 'held-too']);
  });

  it('leaves identical rows in every table', async () => {
    const [a, b] = await Promise.all([rows(batched), rows(single)]);
    expect(a.customers).toEqual(b.customers);
    expect(a.orders).toEqual(b.orders);
    expect(a.lines).toEqual(b.lines);
    expect(a.payments).toEqual(b.payments);
    expect(a.fulfillments).toEqual(b.fulfillments);
  });

  it('computes the expected values: last duplicate wins, guards hold, tracking and customers merge', async () => {
    const r = await rows(batched);
    const linesOf = (ref: string) =>
      r.lines.filter((l) => l.order?.startsWith(`${ref}/`)).map((l) => [l.line_id, l.quantity, l.position]);
    expect(linesOf('dup')).toEqual([['Y', 5, 0]]);
    expect(linesOf('held')).toEqual([['L1', 2, 0]]);
    expect(linesOf('changed')).toEqual([
      ['L2', 3, 0],
      ['L3', 1, 1],
    ]);
    expect(r.payments.filter((p) => p.order?.startsWith('changed/'))).toEqual([]);
    const fold = r.customers.find((c) => c.email === 'fold@example.de');
    // names merge like successive upserts: the last one given; segments and country: the last order's
    expect(fold).toMatchObject({ name: 'Held Name', segments: ['c'], country: 'DE' });
    expect(r.orders.filter((o) => o.customer === 'fold@example.de').map((o) => o.external_id)).toEqual([
      'held-too',
      'new-1',
      'new-2',
      'new-3',
    ]);
    const parcel = r.fulfillments.find((f) => f.order?.startsWith('tracked/'));
    expect(parcel).toMatchObject({ milestone: 'in_transit', tracking_events: [{ code: 'IT' }] });
    expect(parcel?.delivered_at?.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    const n1 = r.orders.filter((o) => o.number === 'N1');
    expect(n1.map((o) => [o.external_id, o.shipping_amount])).toEqual([[null, 999]]);
    expect(r.orders.find((o) => o.external_id === 'held-too')?.tags).toEqual(['held']);
    expect(r.orders.some((o) => o.number === 'POISON')).toBe(false);
  });

  it('gives the same result in batches of three, one of them refused by the database', async () => {
    const again = await importOrders(batched.database, batched.store.id, stream(second), () => {}, {
      batch: 3,
    });
    const slowAgain = await oneByOne(single.database, single.store.id, second);
    expect([again.created, again.updated]).toEqual([slowAgain.created, slowAgain.updated]);
    expect([again.created, again.updated]).toEqual([0, 11]);
    expect(again.refused.map((r) => `${r.ref}: ${r.errors.join('; ')}`).sort()).toEqual([
      'bad-row: row 7: quantity: "x" is not a whole number',
      'held: Line L1 is named by a return and cannot be removed or shrink below 1',
      expect.stringMatching(/^poisoned: poisoned order/),
    ]);
    const [a, b] = await Promise.all([rows(batched), rows(single)]);
    expect(a).toEqual(b);
  });
});
