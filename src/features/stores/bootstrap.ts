// First start on an empty database: the demo store (unless AFTERSALE_DEMO=false) or an empty default
// store, and the owner token named by AFTERSALE_BOOTSTRAP_TOKEN. Later starts change nothing: a
// bootstrap token that was revoked stays revoked (and is reported), and so are demo accounts that
// still exist, so `serve` can warn about them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import { findTokenStateByHash } from '../auth/tokens.queries.ts';
import { createApiToken, hashToken } from '../auth/tokens.ts';
import { existingEmails } from '../auth/users.queries.ts';
import { DEMO_USERS, seedDemo } from '../demo/seed-demo.ts';
import { createStore } from './create-store.ts';
import { firstStore, type Store } from './stores.queries.ts';

export interface BootstrapResult {
  store: Store;
  created: boolean;
  demoToken: string | null;
  /** AFTERSALE_BOOTSTRAP_TOKEN names a token that was revoked: it is left revoked */
  bootstrapTokenRevoked: boolean;
  /** demo staff accounts (published password) present in the database */
  demoAccounts: string[];
}

const demoTokenFile = (dataDir: string) => join(dataDir, 'demo-token.txt');

export async function bootstrap(
  database: Database,
  config: Pick<Config, 'demo' | 'bootstrapToken' | 'dataDir'>,
): Promise<BootstrapResult> {
  let store = await firstStore(database.db);
  let created = false;
  let demoToken: string | null = null;
  if (!store) {
    created = true;
    if (config.demo) {
      const seeded = await seedDemo(database);
      store = seeded.store;
      demoToken = seeded.token;
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(demoTokenFile(config.dataDir), `${demoToken}\n`, { mode: 0o600 });
    } else {
      store = (
        await database.db.transaction().execute((trx) =>
          createStore(trx, {
            slug: 'default',
            name: 'My store',
            currency: 'EUR',
            time_zone: 'UTC',
            languages: ['en'],
            return_address: {
              name: 'Returns',
              line1: 'Set me',
              line2: null,
              city: 'Set me',
              region: null,
              postal_code: null,
              country: 'DE',
            },
          }),
        )
      ).store;
    }
  } else if (existsSync(demoTokenFile(config.dataDir))) {
    demoToken = readFileSync(demoTokenFile(config.dataDir), 'utf8').trim() || null;
  }
  const token = config.bootstrapToken;
  const known = token ? await findTokenStateByHash(database.db, hashToken(token)) : undefined;
  if (token && !known) {
    const storeId = store.id;
    await database.db
      .transaction()
      .execute((trx) => createApiToken(trx, { storeId, role: 'owner', name: 'bootstrap', token }));
  }
  const demoAccounts = await existingEmails(
    database.db,
    DEMO_USERS.map((u) => u.email),
  );
  return { store, created, demoToken, bootstrapTokenRevoked: Boolean(known?.revoked_at), demoAccounts };
}
