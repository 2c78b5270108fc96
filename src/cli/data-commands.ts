import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { isReasonCode, REASON_CODES } from '../domain/reasons.ts';
import { ROLES } from '../domain/roles.ts';
import { createUser } from '../features/auth/sessions.ts';
import { createApiToken } from '../features/auth/tokens.ts';
import { seedDemo } from '../features/demo/seed-demo.ts';
import { firstStore } from '../features/stores/stores.queries.ts';
import { registerAdminCommands } from './admin-commands.ts';
import { CliError, withStore } from './context.ts';
import { registerImportCommands } from './import-commands.ts';
import { printDecision, printReturn } from './print.ts';

const storeOption = new Option('--store <slug>', 'the store to act on (default: the first store)');

export function registerDataCommands(program: Command, loadConfig: () => Config): void {
  program
    .command('seed')
    .description('Create sample data')
    .argument('<what>', 'only "demo": the demo store with orders and returns in every status')
    .action(async (what: string) => {
      if (what !== 'demo') throw new CliError(`Unknown seed "${what}"; try: aftersale seed demo`);
      const database = await openDatabase(loadConfig());
      try {
        await migrate(database);
        if (await firstStore(database.db))
          throw new CliError('The database already has a store; the demo seeds an empty database only');
        const { store, token } = await seedDemo(database);
        console.log(`Seeded ${store.name}. Owner token: ${token}`);
      } finally {
        await database.close();
      }
    });

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('Create an API token and print it (shown once)')
    .addOption(new Option('--role <role>', "the token's role").choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'a name to recognise it by', 'cli')
    .addOption(storeOption)
    .action(async (opts: { role: (typeof ROLES)[number]; name: string; store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        const created = await database.db
          .transaction()
          .execute((trx) => createApiToken(trx, { storeId: store.id, role: opts.role, name: opts.name }));
        console.log(created.token);
      });
    });

  const user = program.command('user').description('Staff users of the console');
  user
    .command('create')
    .description('Create a staff user who signs in to the console')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', "the user's role").choices(ROLES).makeOptionMandatory())
    .requiredOption('--password <password>', 'at least 12 characters, not a common one')
    .addOption(storeOption)
    .action(
      async (opts: {
        email: string;
        name: string;
        role: (typeof ROLES)[number];
        password: string;
        store?: string;
      }) => {
        await withStore(loadConfig(), opts.store, async ({ database, store }) => {
          await database.db.transaction().execute((trx) =>
            createUser(trx, {
              storeId: store.id,
              email: opts.email,
              name: opts.name,
              role: opts.role,
              password: opts.password,
            }),
          );
          console.log(`Created ${opts.role} ${opts.email} in ${store.name}`);
        });
      },
    );

  program
    .command('returns')
    .description('Returns')
    .command('show')
    .description('Show a return by its RMA number')
    .argument('<rma>', 'e.g. R-7K3Q-9D2M')
    .addOption(storeOption)
    .action(async (rma: string, opts: { store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        console.log(await printReturn(database.db, store.id, rma));
      });
    });

  program
    .command('policy')
    .description('Return policy')
    .command('check')
    .description('What the policy decides for returning an order, explained')
    .argument('<order-number>', 'the order number')
    .addOption(
      new Option('--reason <reason>', 'why it comes back').default('changed_mind').argParser((v) => {
        if (!isReasonCode(v)) throw new InvalidArgumentError(`one of ${REASON_CODES.join(', ')}`);
        return v;
      }),
    )
    .option('--at <iso>', 'the moment of the request (default: now)')
    .option('--lang <language>', "language of the explanations (default: the customer's)")
    .addOption(storeOption)
    .action(async (number: string, opts: { reason: string; at?: string; lang?: string; store?: string }) => {
      if (opts.at && Number.isNaN(Date.parse(opts.at)))
        throw new CliError(`--at is not an ISO instant: ${opts.at}`);
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        console.log(await printDecision(database.db, store.id, number, opts));
      });
    });

  registerImportCommands(program, loadConfig, storeOption);
  registerAdminCommands(program, loadConfig, { token, user, storeOption });
}
