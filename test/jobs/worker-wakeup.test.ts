// The job worker sleeps until told: a committed enqueue wakes it at once (NOTIFY), a job due later
// wakes it when due, and an idle worker sends (almost) nothing to the database meanwhile.
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { createStore } from '../../src/features/stores/create-store.ts';
import { enqueue, startWorker } from '../../src/jobs/queue.ts';
import { testStoreInput } from '../app.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
let storeId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  storeId = (await database.db.transaction().execute((trx) => createStore(trx, testStoreInput))).store.id;
});
afterAll(() => database.close());

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

test('wakes on enqueue and when a later job falls due, and stays quiet when idle', async () => {
  let queries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const ran: { at: number; n: unknown }[] = [];
  // a fallback poll far beyond the test: whatever runs, a notification or a due time started it
  const stop = await startWorker(
    { db: database.db.withPlugin(counting), listen: database.listen },
    { 'test.note': async (_db, job) => void ran.push({ at: Date.now(), n: job.payload }) },
    (err) => {
      throw err;
    },
    { fallbackMs: 60_000, minSleepMs: 100 },
  );
  try {
    await new Promise((r) => setTimeout(r, 300));
    // idle for two seconds: no polling
    const before = queries;
    await new Promise((r) => setTimeout(r, 2000));
    expect(queries - before).toBe(0);

    const sent = Date.now();
    await database.db.transaction().execute((trx) => enqueue(trx, storeId, 'test.note', { n: 1 }));
    await until(() => ran.length === 1, 5000);
    expect(ran.map((r) => r.n)).toEqual([{ n: 1 }]);
    // at once, not after the fallback's minute (the margin is for a loaded machine)
    expect((ran[0]?.at ?? Infinity) - sent).toBeLessThan(2500);

    const due = Date.now() + 1500;
    await database.db
      .transaction()
      .execute((trx) => enqueue(trx, storeId, 'test.note', { n: 2 }, new Date(due)));
    await until(() => ran.length === 2, 6000);
    expect(ran.map((r) => r.n)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(ran[1]?.at).toBeGreaterThanOrEqual(due - 50);
    expect((ran[1]?.at ?? Infinity) - due).toBeLessThan(2500);

    // a burst of enqueues runs every job once
    await Promise.all(
      [3, 4, 5, 6, 7].map((n) =>
        database.db.transaction().execute((trx) => enqueue(trx, storeId, 'test.note', { n })),
      ),
    );
    await until(() => ran.length === 7, 5000);
    expect(ran.map((r) => (r.n as { n: number }).n).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  } finally {
    await stop();
  }
});
