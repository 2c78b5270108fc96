// The server's roles as processes. `serve --workers N`: the primary migrates and bootstraps once,
// forks N HTTP processes that share the port (Node's cluster), restarts any that dies, and runs the
// background role itself: it has to stay up to supervise anyway, already holds a migrated database,
// and a job worker needs no port, so a separate process would only add one more thing to watch.
// `aftersale worker`: the background role alone, for other hosts. Several processes need PostgreSQL:
// everything they share (jobs, sessions, idempotency keys, rate limits) lives in the database.
import cluster, { type Worker } from 'node:cluster';
import { pino } from 'pino';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import type { BootstrapResult } from '../features/stores/bootstrap.ts';
import { type Log, prepare, startBackground, startHttp } from '../main.ts';

export const ONE_PROCESS_ONLY =
  'PGlite (no DATABASE_URL) is one process holding its data folder: several server processes and ' +
  '`aftersale worker` need PostgreSQL. Set DATABASE_URL, or run `aftersale serve` alone.';

/** Refuses several processes on PGlite, before anything opens its data folder. */
export function assertSharedDatabase(config: Config): void {
  if (!config.databaseUrl) throw new Error(ONE_PROCESS_ONLY);
}

const loggerFor = (config: Config) => {
  const logger = pino({ level: config.logLevel });
  const log: Log = (err, msg) => logger.error({ err }, msg);
  return { logger, log };
};

/** What the cluster's primary tells the banner: the processes it runs. */
export interface Processes {
  http: number[];
  background: number;
}

/** Stops on SIGINT or SIGTERM (once), then exits 0. */
function onSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** An HTTP process of the cluster: the database is already migrated by the primary. */
async function runHttpChild(config: Config): Promise<void> {
  const database = await openDatabase(config);
  const http = await startHttp(config, database);
  onSignal(async () => {
    await http.stop();
    await database.close();
  });
}

const RESTART_DELAY_MS = 1000;
const STOP_GRACE_MS = 10_000;

/**
 * The primary of `serve --workers N` (and each HTTP child, which runs the same command again).
 * `banner` is printed once, when the first child listens.
 */
export async function runCluster(
  config: Config,
  workers: number,
  banner: (url: string, boot: BootstrapResult, processes: Processes) => void,
): Promise<void> {
  assertSharedDatabase(config);
  if (cluster.isWorker) return runHttpChild(config);

  const { database, boot } = await prepare(config);
  const { logger, log } = loggerFor(config);
  const background = await startBackground(config, database, log);
  let stopping = false;
  let announced = false;
  const fork = () => {
    const child = cluster.fork();
    const born = Date.now();
    child.on('listening', (address) => {
      if (announced) return;
      announced = true;
      const host = address.address?.includes(':') ? `[${address.address}]` : address.address;
      const http = Object.values(cluster.workers ?? {}).flatMap((w) =>
        w?.process.pid ? [w.process.pid] : [],
      );
      banner(`http://${host ?? config.host}:${address.port}`, boot, { http, background: process.pid });
    });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      logger.warn(`HTTP process ${child.process.pid} ended (${signal ?? code}); starting another`);
      // one that dies at once (a port taken, a bad setting) is not restarted in a tight loop
      const delay = Date.now() - born < 5000 ? RESTART_DELAY_MS : 100;
      setTimeout(() => {
        if (!stopping) fork();
      }, delay);
    });
  };
  for (let i = 0; i < workers; i++) fork();

  onSignal(async () => {
    stopping = true;
    const children = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(children.map(stopChild));
    await background.stop();
    await database.close();
  });
}

/** SIGTERM, and SIGKILL if it has not ended after the grace period. */
function stopChild(child: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (child.isDead()) return resolve();
    const kill = setTimeout(() => child.process.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}

/** `aftersale worker`: jobs, the shipment scanner and the SMTP listener, no HTTP. */
export async function runWorker(config: Config): Promise<void> {
  assertSharedDatabase(config);
  const { database } = await prepare(config, { bootstrap: false });
  const background = await startBackground(config, database, loggerFor(config).log);
  console.log(
    `Aftersale worker is running on PostgreSQL: jobs, shipment scan${
      config.smtpListen ? `, mail on ${config.smtpListen.host}:${config.smtpListen.port}` : ''
    }`,
  );
  onSignal(async () => {
    await background.stop();
    await database.close();
  });
}
