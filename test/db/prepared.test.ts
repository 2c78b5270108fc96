// Named statements: a statement with parameters is prepared once on its connection and run again by
// name, on PostgreSQL and on PGlite (one embedded connection, where a statement is then one call
// into its PostgreSQL instead of six); reports and imports prepare nothing; on PostgreSQL with
// `prepare: false` (a pooler that cannot keep them) nothing is prepared.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Database, openPostgres } from '../../src/db/connect.ts';
import { preparedNames } from '../../src/db/statements.ts';
import { importOrders } from '../../src/features/orders/import-orders.ts';
import { type OrderInput, orderInputSchema } from '../../src/features/orders/orders.schemas.ts';
import { createStore } from '../../src/features/stores/create-store.ts';
import { testStoreInput } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { openTestDatabase } from '../db.ts';

let database: Database & { url?: string };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Runs the same parameterised read twice on one connection; what that connection has prepared. */
async function preparedAfterTwoReads(db: Database, column: 'slug' | 'name' = 'slug') {
  return db.db.transaction().execute(async (trx) => {
    for (const slug of ['a', 'b'])
      await trx.selectFrom('stores').select('id').where(column, '=', slug).execute();
    const rows = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
    return rows.rows.map((r) => r.statement).filter((s) => s.includes(`from "stores" where "${column}"`));
  });
}

/** One connection to the test database: PGlite is one; on PostgreSQL, a pool of one. */
async function oneConnection(): Promise<Database & { done(): Promise<void> }> {
  if (!database.url) return { ...database, done: async () => {} };
  const one = await openPostgres(database.url, 1);
  return { ...one, done: () => one.close() };
}

test('a read with parameters is prepared once and reused', async () => {
  expect(await preparedAfterTwoReads(database)).toEqual(['select "id" from "stores" where "slug" = $1']);
});

test('reports prepare nothing: each is planned for its own parameters', async () => {
  // (its own text: the pool's connections keep what the request paths prepared)
  expect(await preparedAfterTwoReads({ ...database, db: database.unpreparedDb }, 'name')).toEqual([]);
});

test('an import prepares nothing: its tables grow under it, so each batch is planned for them as they are', async () => {
  // one connection, so what it prepared is what pg_prepared_statements shows
  const one = await oneConnection();
  try {
    const { store } = await one.db
      .transaction()
      .execute((trx) => createStore(trx, { ...testStoreInput, slug: 'import-prepares-nothing' }));
    const orders = [1, 2, 3].map(
      (n) => orderInputSchema.parse(makeOrder({ external_id: `imp-${n}`, number: `IMP-${n}` })) as OrderInput,
    );
    async function* items() {
      for (const order of orders) yield { order };
    }
    // twice: the second finds the first's orders and replaces them (the lookup a generic plan slowed)
    expect((await importOrders(one, store.id, items(), () => {}, { batch: 2 })).created).toBe(3);
    expect((await importOrders(one, store.id, items(), () => {}, { batch: 2 })).updated).toBe(3);
    const prepared = await sql<{
      statement: string;
    }>`select statement from pg_prepared_statements`.execute(one.db);
    expect(prepared.rows.map((r) => r.statement).filter((s) => /from orders o/i.test(s))).toEqual([]);
    // the same lookup through the request paths' Kysely is prepared: the check above can see one
    await sql`SELECT o.id FROM orders o WHERE o.store_id = ${store.id}`.execute(one.db);
    const after = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
      one.db,
    );
    expect(after.rows.filter((r) => /from orders o/i.test(r.statement))).toHaveLength(1);
  } finally {
    await one.done();
  }
});

test('a statement prepared before a migration changed its table fails once, then is prepared again', async () => {
  const one = await oneConnection();
  try {
    await sql`CREATE TABLE stale_plan (a int)`.execute(one.db);
    const read = () => sql<{ a: number }>`SELECT * FROM stale_plan WHERE a = ${1}`.execute(one.db);
    await read();
    await sql`ALTER TABLE stale_plan ADD COLUMN b int`.execute(one.db);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    await sql`INSERT INTO stale_plan VALUES (1, 2)`.execute(one.db);
    expect((await read()).rows).toEqual([{ a: 1, b: 2 }]);
  } finally {
    await one.done();
  }
});

if (process.env.DATABASE_URL)
  describe('on PostgreSQL', () => {
    test('nothing is prepared when told not to', async () => {
      const plain = await openPostgres(database.url as string, 1, { prepare: false });
      try {
        expect(await preparedAfterTwoReads(plain)).toEqual([]);
      } finally {
        await plain.close();
      }
    });
  });

test('names parameterised statements of bounded text, the same text the same name, up to the cap', () => {
  const names = preparedNames();
  const name = names.name;
  expect(name('select 1 where $1', [1])).toBe('aftersale_1');
  expect(name('select 2 where $1', [2])).toBe('aftersale_2');
  expect(name('select 1 where $1', [3])).toBe('aftersale_1');
  // BEGIN, COMMIT and the like stay simple queries; a bulk insert's long text is not kept
  expect(name('begin', [])).toBeUndefined();
  expect(name(`insert into t values ${'($1),'.repeat(5000)}`, [1])).toBeUndefined();
  for (let i = 3; i <= 500; i++) name(`select ${i} where $1`, [i]);
  expect(name('select 501 where $1', [1])).toBeUndefined();
  expect(name('select 500 where $1', [1])).toBe('aftersale_500');
  // a forgotten text is named anew (and frees its place under the cap)
  names.forget('select 1 where $1');
  expect(name('select 1 where $1', [1])).toBe('aftersale_501');
});
