// What every data command needs: the database (migrated) and the store it acts on.
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Actor } from '../features/auth/actor.ts';
import { bootstrap } from '../features/stores/bootstrap.ts';
import { findStoreBySlug, firstStore, type Store } from '../features/stores/stores.queries.ts';

export class CliError extends Error {}

export async function withStore<T>(
  config: Config,
  slug: string | undefined,
  run: (ctx: { database: Database; store: Store; actor: Actor }) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrate(database);
    // An empty database gets what `serve` would create first (the demo store, or an empty one).
    const store = slug
      ? await findStoreBySlug(database.db, slug)
      : ((await firstStore(database.db)) ?? (await bootstrap(database, config)).store);
    if (!store)
      throw new CliError(
        slug
          ? `No store with the slug "${slug}"`
          : 'No store yet: run `aftersale serve` or `aftersale seed demo` first',
      );
    return await run({ database, store, actor: { storeId: store.id, role: 'owner', label: 'cli' } });
  } finally {
    await database.close();
  }
}
