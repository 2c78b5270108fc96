// LISTEN/NOTIFY through Database.listen, on whichever database the run uses: a notification sent
// in a transaction arrives once it commits, never when it rolls back, and not after unsubscribing.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
};

test('a notification arrives on commit, not on rollback, and not after unsubscribing', async () => {
  const got: string[] = [];
  const unsubscribe = await database.listen('aftersale_test', (p) => got.push(p));
  await database.db.transaction().execute(async (trx) => {
    await sql`select pg_notify('aftersale_test', 'one')`.execute(trx);
    // inside the transaction nothing is delivered yet
    expect(got).toEqual([]);
  });
  await until(() => got.length > 0);
  expect(got).toEqual(['one']);

  await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`select pg_notify('aftersale_test', 'two')`.execute(trx);
      throw new Error('roll back');
    })
    .catch(() => {});
  await sql`select pg_notify('aftersale_test', 'three')`.execute(database.db);
  await until(() => got.length > 1);
  expect(got).toEqual(['one', 'three']);

  await unsubscribe();
  await sql`select pg_notify('aftersale_test', 'four')`.execute(database.db);
  await sql`select 1`.execute(database.db);
  await new Promise((r) => setTimeout(r, 200));
  expect(got).toEqual(['one', 'three']);
});
