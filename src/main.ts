// Composition root: config -> database -> migrations -> first-start bootstrap -> the roles. The HTTP
// role serves the API, console and portal; the background role runs the job worker, the shipment
// scanner and the SMTP listener. They share nothing but the database (and the data folder's files),
// so `start` runs both in one process (`aftersale serve`), while the cluster (`serve --workers N`)
// and `aftersale worker` run them apart, on any number of processes and hosts (src/cli/roles.ts).
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import { type Database, openDatabase, openPostgres } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { DEFAULT_EVIDENCE_LIMITS } from './domain/evidence-limits.ts';
import { startShipmentScanner } from './features/cases/scan-shipments.ts';
import { classifyMessage } from './features/inbox/intent/classify.ts';
import { startSmtpListener } from './features/inbox/smtp-listener.ts';
import { type BootstrapResult, bootstrap } from './features/stores/bootstrap.ts';
import { supplierMailAttachments } from './features/suppliers/claim-mail.ts';
import { buildApp } from './http/app.ts';
import { secretKeysFor } from './integrations/local-secret-key.ts';
import { SecretBox } from './integrations/secret-box.ts';
import { smtpMailer } from './integrations/smtp/mailer.ts';
import { diskFileStore } from './integrations/storage/file-store.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { startWorker } from './jobs/queue.ts';

export type Log = (err: unknown, msg: string) => void;

export interface Running {
  app: FastifyInstance;
  database: Database;
  boot: BootstrapResult;
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs `work` while holding a PostgreSQL advisory lock, so that hosts starting at once migrate and
 * bootstrap one after the other (the second finds nothing to do). PGlite has one process: no lock.
 */
async function exclusively<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext('aftersale.start'))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext('aftersale.start'))`.execute(conn);
    }
  });
}

/** Opens the database and migrates it; with `bootstrap`, also makes the first store on an empty one. */
export async function prepare(config: Config): Promise<{ database: Database; boot: BootstrapResult }>;
export async function prepare(config: Config, opts: { bootstrap: false }): Promise<{ database: Database }>;
export async function prepare(
  config: Config,
  opts = { bootstrap: true },
): Promise<{ database: Database; boot?: BootstrapResult }> {
  const database = await openDatabase(config);
  try {
    return await exclusively(database, async () => {
      await migrate(database);
      return { database, boot: opts.bootstrap ? await bootstrap(database, config) : undefined };
    });
  } catch (err) {
    await database.close();
    throw err;
  }
}

const filesOf = (config: Config) => diskFileStore(join(config.dataDir, 'files'));

/**
 * The HTTP role on a prepared database; its stop closes the server, not the database. With
 * AFTERSALE_ANALYTICS_DATABASE_URL it opens the analytics replica (a small pool: a few long reads)
 * and closes it with the server.
 */
export async function startHttp(config: Config, database: Database) {
  const analyticsDatabase = config.analyticsDatabaseUrl
    ? await openPostgres(config.analyticsDatabaseUrl, 4, { prepare: config.preparedStatements })
    : undefined;
  try {
    const app = await buildApp({
      database,
      ...(analyticsDatabase ? { analyticsDatabase } : {}),
      publicUrl: config.publicUrl,
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      files: filesOf(config),
      secretKeys: secretKeysFor(config),
    });
    if (analyticsDatabase) app.addHook('onClose', () => analyticsDatabase.close());
    const url = await app.listen({ port: config.port, host: config.host });
    return { app, url, stop: () => app.close() };
  } catch (err) {
    await analyticsDatabase?.close();
    throw err;
  }
}

/** The background role on a prepared database; its stop waits for the work in flight. */
export async function startBackground(config: Config, database: Database, log: Log) {
  const files = filesOf(config);
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl) : null;
  const sender = {
    mailer,
    from: config.mailFrom ?? null,
    publicUrl: config.publicUrl,
    attachmentsFor: supplierMailAttachments(files),
  };
  const stopWorker = await startWorker(
    database,
    jobHandlers(undefined, new SecretBox(secretKeysFor(config)), sender),
    (err) => log(err, 'job worker'),
  );
  // parcels past their route's late or lost threshold open their own case, once
  const stopScanner =
    config.shipmentScanMinutes > 0
      ? startShipmentScanner(
          database.db,
          (err) => log(err, 'shipment scan'),
          config.shipmentScanMinutes * 60_000,
        )
      : async () => {};
  // mail forwarded from the store's support address, taken as the inbound endpoint takes it
  const listener = config.smtpListen
    ? await startSmtpListener(
        database,
        { files, limits: DEFAULT_EVIDENCE_LIMITS, classify: classifyMessage },
        config.smtpListen,
        log,
      )
    : null;
  return {
    async stop() {
      await listener?.close();
      await stopScanner();
      await stopWorker();
      mailer?.close();
    },
  };
}

/** Both roles in one process: `aftersale serve`, `npm start`. */
export async function start(config: Config): Promise<Running> {
  const { database, boot } = await prepare(config);
  const http = await startHttp(config, database);
  const background = await startBackground(config, database, (err, msg) => http.app.log.error({ err }, msg));
  let stopping: Promise<void> | undefined;
  return {
    app: http.app,
    database,
    boot,
    url: http.url,
    stop() {
      stopping ??= (async () => {
        await background.stop();
        await http.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
