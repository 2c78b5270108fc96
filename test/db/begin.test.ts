// A transaction's BEGIN leaves with its first statement: on PostgreSQL in one message (BEGIN prepared
// once per connection, then bound and executed with it), one round trip less per transaction; on
// PGlite in the same call into its PostgreSQL. What a
// transaction means must not change: on both databases, a rollback undoes the first statement's
// write, a failing first statement leaves the connection usable, an empty transaction commits.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Database, openPostgres } from '../../src/db/connect.ts';
import { openTestDatabase } from '../db.ts';

let database: Database & { url?: string };
beforeAll(async () => {
  database = await openTestDatabase();
  await sql`create table begin_probe (id int primary key, note text not null)`.execute(database.db);
});
afterAll(() => database.close());

const notes = async () =>
  (
    await database.db
      .selectFrom('begin_probe' as never)
      .select(sql<string>`note`.as('note'))
      .execute()
  ).map((r) => r.note);
const insert = (trx: typeof database.db, id: number, note: string) =>
  sql`insert into begin_probe (id, note) values (${id}, ${note})`.execute(trx);

test('a rollback undoes the first statement of a transaction, on fresh and used connections alike', async () => {
  for (let round = 0; round < 3; round++) {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insert(trx, 100 + round, 'undone');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
  }
  await database.db.transaction().execute((trx) => insert(trx, 1, 'kept'));
  expect(await notes()).toEqual(['kept']);
});

test('a failing first statement rolls back and leaves the connection usable; an empty transaction commits', async () => {
  await expect(
    database.db.transaction().execute(async (trx) => {
      await insert(trx, 1, 'twice');
    }),
  ).rejects.toThrow(/duplicate key/);
  await expect(database.db.transaction().execute(async () => 'nothing sent')).resolves.toBe('nothing sent');
  await database.db.transaction().execute(async (trx) => {
    await insert(trx, 2, 'after');
    await insert(trx, 3, 'both');
  });
  expect((await notes()).sort()).toEqual(['after', 'both', 'kept']);
});

test('on PGlite, BEGIN goes in with the first statement: one call into PGlite less', async () => {
  if (!database.pglite) return expect(database.kind).toBe('postgres');
  const calls = vi.spyOn(database.pglite, 'execProtocol');
  const transaction = () =>
    database.db.transaction().execute(async (trx) => {
      await sql`select ${1}::int as a`.execute(trx);
      await sql`select ${2}::int as b`.execute(trx);
    });
  try {
    await transaction(); // the statements prepared
    const before = calls.mock.calls.length;
    await transaction();
    // the first statement with BEGIN, the second, COMMIT
    expect(calls.mock.calls.length - before).toBe(3);
  } finally {
    calls.mockRestore();
  }
});

if (process.env.DATABASE_URL)
  describe('on PostgreSQL', () => {
    test('BEGIN and the first statement are one round trip once the connection has BEGIN prepared', async () => {
      // every round trip ends with the server's ReadyForQuery: count them on a connection of our own
      const ready = vi.spyOn(
        pg.Client.prototype as unknown as { _handleReadyForQuery: (m: unknown) => void },
        '_handleReadyForQuery',
      );
      const one = await openPostgres(database.url as string, 1);
      try {
        const roundTrips = async () => {
          const before = ready.mock.calls.length;
          await one.db.transaction().execute(async (trx) => {
            await sql`select ${1}::int as a`.execute(trx);
            await sql`select ${2}::int as b`.execute(trx);
          });
          return ready.mock.calls.length - before;
        };
        // connected (its own ReadyForQuery) outside any transaction
        await sql`select 1`.execute(one.db);
        // the connection's first transaction: BEGIN alone (and prepared), two statements, COMMIT
        expect(await roundTrips()).toBe(4);
        // then BEGIN rides with the first statement
        expect(await roundTrips()).toBe(3);
        expect(await roundTrips()).toBe(3);
        const rows = await one.db
          .transaction()
          .execute((trx) => sql<{ a: number }>`select ${7}::int as a`.execute(trx));
        expect(rows.rows).toEqual([{ a: 7 }]);
      } finally {
        await one.close();
        ready.mockRestore();
      }
    });
  });
