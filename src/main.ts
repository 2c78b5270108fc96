// Composition root: config -> database -> migrations -> first-start bootstrap -> HTTP + job worker.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/connect.ts';
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

export interface Running {
  app: FastifyInstance;
  database: Database;
  boot: BootstrapResult;
  url: string;
  stop(): Promise<void>;
}

export async function start(config: Config): Promise<Running> {
  const database = await openDatabase(config);
  await migrate(database);
  const boot = await bootstrap(database, config);
  const secretKeys = secretKeysFor(config);
  const files = diskFileStore(join(config.dataDir, 'files'));
  const app = await buildApp({
    database,
    publicUrl: config.publicUrl,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    files,
    secretKeys,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl) : null;
  const sender = {
    mailer,
    from: config.mailFrom ?? null,
    publicUrl: config.publicUrl,
    attachmentsFor: supplierMailAttachments(files),
  };
  const stopWorker = await startWorker(
    database,
    jobHandlers(undefined, new SecretBox(secretKeys), sender),
    (err) => app.log.error({ err }, 'job worker'),
  );
  // parcels past their route's late or lost threshold open their own case, once
  const stopScanner = startShipmentScanner(database.db, (err) => app.log.error({ err }, 'shipment scan'));
  // mail forwarded from the store's support address, taken as the inbound endpoint takes it
  const listener = config.smtpListen
    ? await startSmtpListener(
        database,
        { files, limits: DEFAULT_EVIDENCE_LIMITS, classify: classifyMessage },
        config.smtpListen,
        (err, msg) => app.log.error({ err }, msg),
      )
    : null;
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    boot,
    url: address,
    stop() {
      stopping ??= (async () => {
        await listener?.close();
        await stopScanner();
        await stopWorker();
        mailer?.close();
        await app.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
