// AFTERSALE_ANALYTICS_DATABASE_URL: the analytics routes read from their own database (a replica in
// production), everything else from the main one. Two separate databases stand in for primary and
// replica (two PGlite instances, or two PostgreSQL databases); what each holds tells who answered.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { createApiToken } from '../../src/features/auth/tokens.ts';
import { buildApp } from '../../src/http/app.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { openTestDatabase } from '../db.ts';

let replica: Database;
let t: TestApp;
beforeAll(async () => {
  replica = await openTestDatabase();
  t = await createTestApp({ analyticsDatabase: replica });
  // the replica holds the same store (a real one would have replicated it)
  for (const table of ['stores', 'policies'] as const) {
    const rows = await t.database.db.selectFrom(table).selectAll().execute();
    for (const row of rows)
      await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_record(null::${sql.table(table)}, ${JSON.stringify(row)}::json)`.execute(
        replica.db,
      );
  }
  // two orders only the replica has, written through an app of its own: 2 x 2 jumpers sold
  const token = await replica.db
    .transaction()
    .execute(
      async (trx) => (await createApiToken(trx, { storeId: t.store.id, role: 'owner', name: 'r' })).token,
    );
  const writer = await buildApp({ database: replica, publicUrl: 'http://localhost:3000' });
  try {
    for (const number of ['ONLY-IN-REPLICA-1', 'ONLY-IN-REPLICA-2']) {
      const res = await writer.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: { authorization: `Bearer ${token}` },
        payload: makeOrder({ number }),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  } finally {
    await writer.close();
  }
});
afterAll(async () => {
  await t?.close();
  await replica?.close();
});

const sold = (body: { timeseries: { units_sold: number; orders: number }[] }) =>
  body.timeseries.reduce((n, p) => ({ orders: n.orders + p.orders, units: n.units + p.units_sold }), {
    orders: 0,
    units: 0,
  });

describe('analytics on a replica', () => {
  it('answers from the replica while writes go to the main database', async () => {
    const created = await t.call('POST', '/api/v1/orders', makeOrder({ number: 'ONLY-IN-MAIN' }));
    expect(created.statusCode).toBe(201);
    const count = async (db: Database) =>
      (await db.db.selectFrom('orders').select(['number']).orderBy('number').execute()).map((o) => o.number);
    expect(await count(t.database)).toEqual(['ONLY-IN-MAIN']);
    expect(await count(replica)).toEqual(['ONLY-IN-REPLICA-1', 'ONLY-IN-REPLICA-2']);

    const summary = await t.call('GET', '/api/v1/analytics/summary?interval=month', undefined, {
      role: 'read_only',
    });
    expect(summary.statusCode).toBe(200);
    expect(sold(summary.json())).toEqual({ orders: 2, units: 4 });

    const byProduct = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=product')).json();
    expect(byProduct.data.map((r: { key: string; units_sold: number }) => [r.key, r.units_sold])).toEqual([
      ['JUMPER-M-BLUE', 4],
    ]);
    const csv = await t.call('GET', '/api/v1/analytics/breakdown.csv?dimension=product');
    expect(csv.body).toContain('JUMPER-M-BLUE,4,0,0');
    const cards = (await t.call('GET', '/api/v1/analytics/suppliers?by=sku')).json();
    expect(cards.data.map((r: { key: string; units_sold: number }) => [r.key, r.units_sold])).toEqual([
      ['JUMPER-M-BLUE', 4],
    ]);

    // the order routes read the main database: the replica's order is not there
    const found = await t.call('GET', '/api/v1/orders?number=ONLY-IN-REPLICA-1');
    expect(found.json().data ?? found.json()).toEqual([]);
  });
});
