import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../features/demo/seed-demo.ts';
import type { BootstrapResult } from '../features/stores/bootstrap.ts';
import { start } from '../main.ts';
import { type Processes, runCluster, runWorker } from './roles.ts';

/** `processes`: the cluster's, when there is a cluster */
function printBanner(config: Config, url: string, boot: BootstrapResult, processes?: Processes): void {
  const base = url.replace('127.0.0.1', 'localhost');
  console.log(
    `\nAftersale is running on ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}`,
  );
  console.log(`  API:       ${base}/api/v1`);
  console.log(`  API docs:  ${base}/docs`);
  console.log(`  Store:     ${boot.store.name} (${boot.store.slug})`);
  console.log(`  Portal:    ${base}/returns/${boot.store.slug}`);
  console.log(`  Console:   ${base}/console`);
  if (processes)
    console.log(
      `  Processes: HTTP ${processes.http.join(', ')}; jobs and scans in ${processes.background} (SIGTERM it to stop all)`,
    );
  if (boot.bootstrapTokenRevoked)
    console.warn(
      '\nWarning: AFTERSALE_BOOTSTRAP_TOKEN names a token that was revoked; it stays revoked. Unset the variable.',
    );
  if (boot.demoAccounts.length)
    console.warn(
      `\nWarning: demo accounts with the published password exist (${boot.demoAccounts.join(', ')}).` +
        ' Remove them before real customers use this server: aftersale user deactivate --email E',
    );
  if (boot.demoToken) {
    console.log(`  Demo sign-in: ${DEMO_USERS.map((u) => u.email).join(', ')}; password ${DEMO_PASSWORD}`);
    console.log(`  Demo token (owner): ${boot.demoToken}`);
    console.log(
      `  Try: curl -H "Authorization: Bearer ${boot.demoToken}" ${base}/api/v1/returns?status=requested`,
    );
  }
}

export function registerServerCommands(program: Command, loadConfig: () => Config): void {
  program
    .command('serve')
    .description(
      'Serve the API, the console and the portal with the job worker; migrates and bootstraps first',
    )
    .option(
      '--workers <n>',
      'HTTP processes sharing the port, beside one background process (needs PostgreSQL; default AFTERSALE_WORKERS, else one process for everything)',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number from 1');
        return n;
      },
    )
    .action(async (opts: { workers?: number }) => {
      const config = loadConfig();
      const workers = opts.workers ?? config.workers;
      // One process asked for on PGlite is what plain `serve` does anyway.
      if (workers !== undefined && (workers > 1 || config.databaseUrl)) {
        await runCluster(config, workers, (url, boot, processes) =>
          printBanner(config, url, boot, processes),
        );
        return;
      }
      const running = await start(config);
      printBanner(config, running.url, running.boot);
      const shutdown = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('worker')
    .description(
      'Run the background work alone (jobs, shipment scan, SMTP listener) beside servers on other hosts; needs PostgreSQL',
    )
    .action(async () => {
      await runWorker(loadConfig());
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
