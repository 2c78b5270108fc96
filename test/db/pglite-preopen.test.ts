// `aftersale serve` on PGlite starts opening its data folder before the program loads
// (src/cli/main.ts); the driver then takes that instance, once, for that folder only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, test } from 'vitest';
import { openPglite } from '../../src/db/pglite.ts';
import { preopenPglite, takePreopened } from '../../src/db/pglite-instance.ts';

const root = mkdtempSync(join(tmpdir(), 'aftersale-preopen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the driver takes the instance opened early for its folder, once; another folder opens its own', async () => {
  const early = preopenPglite(join(root, 'early'));
  const elsewhere = await openPglite({ dataDir: join(root, 'other') });
  const database = await openPglite({ dataDir: join(root, 'early') });
  try {
    expect(elsewhere.pglite).not.toBe(await early);
    expect(database.pglite).toBe(await early);
    // taken: a second opening of the folder would start its own
    expect(takePreopened(join(root, 'early'))).toBeUndefined();
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await database.close();
    await elsewhere.close();
  }
});
