// Administration from the command line: API tokens (list, revoke), stores (create), staff users
// (deactivate, set a password).
import type { Command, Option } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { deactivateUser, resetPassword } from '../features/auth/manage-users.ts';
import { revokeApiToken } from '../features/auth/revoke-token.ts';
import { listTokens } from '../features/auth/tokens.queries.ts';
import { activeUser } from '../features/auth/users.queries.ts';
import { createStoreWithOwner } from '../features/stores/create-store-cli.ts';
import { CliError, withStore } from './context.ts';

export function registerAdminCommands(
  program: Command,
  loadConfig: () => Config,
  parents: { token: Command; user: Command; storeOption: Option },
): void {
  const { token, user, storeOption } = parents;

  user
    .command('deactivate')
    .description('Deactivate a staff user: no more sign-in, sessions end, the name stays on timelines')
    .requiredOption('--email <email>', 'the user')
    .addOption(storeOption)
    .action(async (opts: { email: string; store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store, actor }) => {
        await database.db.transaction().execute(async (trx) => {
          const found = await activeUser(trx, store.id, { email: opts.email });
          if (!found) throw new CliError(`No active user ${opts.email} in ${store.name}`);
          await deactivateUser(trx, actor, found.id);
        });
        console.log(`Deactivated ${opts.email} in ${store.name}`);
      });
    });

  user
    .command('password')
    .description("Set a staff user's password (their other sessions end)")
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--password <password>', 'at least 12 characters, not a common one')
    .addOption(storeOption)
    .action(async (opts: { email: string; password: string; store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        await database.db
          .transaction()
          .execute((trx) => resetPassword(trx, store.id, opts.email, opts.password));
        console.log(`New password set for ${opts.email} in ${store.name}`);
      });
    });
  token
    .command('list')
    .description("List the store's API tokens (never their secrets)")
    .addOption(storeOption)
    .action(async (opts: { store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        for (const t of await listTokens(database.db, store.id))
          console.log(
            [
              t.id,
              t.role.padEnd(9),
              t.created_at,
              t.revoked_at ? `revoked ${t.revoked_at}` : 'active',
              t.name,
            ].join('  '),
          );
      });
    });

  token
    .command('revoke')
    .description('Revoke an API token by its id (see token list)')
    .argument('<id>', 'the token id')
    .addOption(storeOption)
    .action(async (id: string, opts: { store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        const revoked = await database.db.transaction().execute((trx) => revokeApiToken(trx, store.id, id));
        console.log(`Revoked ${revoked.id} (${revoked.name}, ${revoked.role}) at ${revoked.revoked_at}`);
      });
    });

  program
    .command('store')
    .description('Stores')
    .command('create')
    .description('Create a store; prints its id and an owner API token (shown once)')
    .requiredOption('--slug <slug>', 'the store in addresses: lower-case letters, digits and "-"')
    .requiredOption('--name <name>', "the store's name")
    .option('--currency <code>', 'ISO 4217 currency', 'EUR')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .action(async (opts: { slug: string; name: string; currency: string; timeZone: string }) => {
      const database = await openDatabase(loadConfig());
      try {
        await migrate(database);
        const created = await database.db.transaction().execute((trx) =>
          createStoreWithOwner(trx, {
            slug: opts.slug,
            name: opts.name,
            currency: opts.currency,
            time_zone: opts.timeZone,
          }),
        );
        console.log(`Store ${created.slug}: ${created.id}`);
        console.log(`Owner token: ${created.token}`);
      } finally {
        await database.close();
      }
    });
}
