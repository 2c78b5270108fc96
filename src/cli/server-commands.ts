import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../features/demo/seed-demo.ts';
import { start } from '../main.ts';

export function registerServerCommands(program: Command, loadConfig: () => Config): void {
  program
    .command('serve')
    .description(
      'Serve the API, the console and the portal with the job worker; migrates and bootstraps first',
    )
    .action(async () => {
      const config = loadConfig();
      const running = await start(config);
      const base = running.url.replace('127.0.0.1', 'localhost');
      console.log(
        `\nAftersale is running on ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}`,
      );
      console.log(`  API:       ${base}/api/v1`);
      console.log(`  API docs:  ${base}/docs`);
      console.log(`  Store:     ${running.boot.store.name} (${running.boot.store.slug})`);
      console.log(`  Portal:    ${base}/returns/${running.boot.store.slug}`);
      console.log(`  Console:   ${base}/console`);
      if (running.boot.bootstrapTokenRevoked)
        console.warn(
          '\nWarning: AFTERSALE_BOOTSTRAP_TOKEN names a token that was revoked; it stays revoked. Unset the variable.',
        );
      if (running.boot.demoAccounts.length)
        console.warn(
          `\nWarning: demo accounts with the published password exist (${running.boot.demoAccounts.join(', ')}).` +
            ' Remove them before real customers use this server: aftersale user deactivate --email E',
        );
      if (running.boot.demoToken) {
        console.log(
          `  Demo sign-in: ${DEMO_USERS.map((u) => u.email).join(', ')}; password ${DEMO_PASSWORD}`,
        );
        console.log(`  Demo token (owner): ${running.boot.demoToken}`);
        console.log(
          `  Try: curl -H "Authorization: Bearer ${running.boot.demoToken}" ${base}/api/v1/returns?status=requested`,
        );
      }
      const shutdown = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const database = await openDatabase(loadConfig());
      try {
        const applied = await migrate(database);
        console.log(
          applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.',
        );
      } finally {
        await database.close();
      }
    });
}
