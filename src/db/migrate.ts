// Applies the plain-SQL migrations in migrations/ in name order, each in its own transaction,
// recording what ran. Forward-only: a migration that has run is never edited, a new one is added.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './connect.ts';

// through the parent folder: the same path from src/db and from dist/cli, where the build puts the code
const dir = fileURLToPath(new URL('../db/migrations/', import.meta.url));

export async function migrate(database: Database): Promise<string[]> {
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db);
  const done = new Set(rows.map((r) => r.name));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const body = readFileSync(dir + file, 'utf8');
    const name = file.replace(/'/g, "''");
    // One script, one transaction: a failed migration leaves nothing half-applied.
    await database.execScript(
      `BEGIN;\n${body}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`,
    );
    applied.push(file);
  }
  return applied;
}
