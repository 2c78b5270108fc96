// A fresh migrated database per test file, cloned from the run's template (see global-setup.ts).

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type Database, openPostgres } from '../src/db/connect.ts';
import { openPglite } from '../src/db/pglite.ts';
import { adminUrl, withDatabase } from './pg-url.ts';

/** `url`: on PostgreSQL, where other processes can reach the same database. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    return openPglite({ loadDataDir: new Blob([readFileSync(tpl.file)]) });
  }
  const name = `aftersale_t_${tpl.template.replace('aftersale_tpl_', '')}_${randomUUID().slice(0, 8)}`;
  const admin = await openPostgres(adminUrl(tpl.url), 1);
  try {
    await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(tpl.template)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = withDatabase(tpl.url, name);
  const db = await openPostgres(url, 4);
  const close = db.close;
  return {
    ...db,
    url,
    async close() {
      await close();
      const again = await openPostgres(adminUrl(tpl.url), 1);
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)}`
        .execute(again.db)
        .catch(() => sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(again.db));
      await again.close();
    },
  };
}
