// Reusable queries: built and compiled once, then only bound. The text and the bound values must be
// what Kysely compiles for the same values directly, every time, whatever the values.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { reusable } from '../../src/db/reusable.ts';
import type { Tx } from '../../src/db/schema.ts';
import { createStore } from '../../src/features/stores/create-store.ts';
import { testStoreInput } from '../app.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// a parameter used twice, constants of the builder among them
const build = (db: Tx, p: { slug: string; name: string }) =>
  db
    .selectFrom('stores')
    .select(['slug', 'name'])
    .where((eb) => eb.or([eb('slug', '=', p.slug), eb('name', '=', p.name), eb('slug', '=', `${'x'}-const`)]))
    .where('slug', '!=', 'never')
    .where((eb) => eb.or([eb('name', '=', p.name), eb('name', 'is not', null)]))
    .limit(5);

test('binds each run its own values where the direct build would, keeping the constants', () => {
  const q = reusable(['slug', 'name'], build);
  for (const p of [
    { slug: 'a', name: 'A' },
    { slug: 'b', name: 'B' },
  ]) {
    const direct = build(database.db, p).compile();
    const bound = q.compile(database.db, p);
    expect(bound.sql).toBe(direct.sql);
    expect(bound.parameters).toEqual(direct.parameters);
  }
  expect(q.compile(database.db, { slug: 'c', name: 'C' }).parameters).toEqual([
    'c',
    'C',
    'x-const',
    'never',
    'C',
    5,
  ]);
});

test('reads what the direct query reads', async () => {
  await database.db
    .transaction()
    .execute((trx) => createStore(trx, { ...testStoreInput, slug: 'reusable', name: 'Reusable' }));
  const q = reusable(['slug', 'name'], build);
  const p = { slug: 'reusable', name: 'nobody' };
  expect(await q.execute(database.db, p)).toEqual(await build(database.db, p).execute());
  expect(await q.executeTakeFirst(database.db, p)).toEqual({ slug: 'reusable', name: 'Reusable' });
});

test('refuses a builder that shapes the text with a parameter instead of passing it as a value', () => {
  const q = reusable(['slug', 'limit'], (db, p: { slug: string; limit: number }) =>
    db
      .selectFrom('stores')
      .select('id')
      .where('slug', '=', p.slug)
      .limit(typeof p.limit === 'number' ? p.limit : 1),
  );
  expect(() => q.compile(database.db, { slug: 'a', limit: 3 })).toThrow(
    'reusable query: limit not passed as values',
  );
});
