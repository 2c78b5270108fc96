// The rate-limit counts in the database: one row per key, a new window once the last one ended,
// reads that count nothing, and ended windows swept away.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { countHit, deleteEndedWindows, readCount } from '../../src/http/rate-limits.queries.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

test('counts hits in a window, starts again after it, and sweeps what ended', async () => {
  const { db } = database;
  const hits = [];
  for (let i = 0; i < 3; i++) hits.push(await countHit(db, 'POST /api/v1/session|10.0.0.1', 400));
  expect(hits.map((h) => h.current)).toEqual([1, 2, 3]);
  for (const h of hits) expect(h.ttl).toBeGreaterThan(0);
  for (const h of hits) expect(h.ttl).toBeLessThanOrEqual(400);
  // another key counts on its own; a read counts nothing
  expect((await countHit(db, 'POST /api/v1/session|10.0.0.2', 60_000)).current).toBe(1);
  expect((await readCount(db, 'POST /api/v1/session|10.0.0.1')).current).toBe(3);
  expect((await readCount(db, 'POST /api/v1/session|10.0.0.1')).current).toBe(3);

  await new Promise((r) => setTimeout(r, 500));
  expect(await readCount(db, 'POST /api/v1/session|10.0.0.1')).toEqual({ current: 0, ttl: 0 });
  await deleteEndedWindows(db);
  expect((await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)).toEqual([
    'POST /api/v1/session|10.0.0.2',
  ]);
  expect((await countHit(db, 'POST /api/v1/session|10.0.0.1', 400)).current).toBe(1);
});
