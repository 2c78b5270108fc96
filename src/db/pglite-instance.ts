// PGlite's own start (its WASM compiled, its data folder read, its PostgreSQL started), apart from the
// rest of the driver so that it imports nothing else: `aftersale serve` calls `preopenPglite` before
// the program's modules load (src/cli/main.ts), and PGlite compiles and reads its files while Node
// compiles ours; `openPglite` then takes the instance instead of starting another.
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { toNumber } from './to-number.ts';

export interface PgliteOptions {
  dataDir?: string | undefined;
  loadDataDir?: Blob | undefined;
}

export function createPgliteInstance(options: PgliteOptions): Promise<PGlite> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: { [pgliteTypes.INT8]: toNumber, [pgliteTypes.NUMERIC]: toNumber },
    // PostgreSQL's default 128 MB of shared buffers sits in the WASM heap whether used or not; a
    // store's embedded database is small, and the operating system caches its files anyway
    postgresqlconf: 'shared_buffers = 16MB',
  });
}

let preopened: { dataDir: string; instance: Promise<PGlite> } | undefined;

/** Starts opening the data folder now, for the `openPglite` that will come for the same folder. */
export function preopenPglite(dataDir: string): Promise<PGlite> {
  const instance = createPgliteInstance({ dataDir });
  // a failure is reported to whoever takes the instance, not as an unhandled rejection meanwhile
  instance.catch(() => {});
  preopened = { dataDir, instance };
  return instance;
}

/** The instance `preopenPglite` started for this folder, once; undefined otherwise. */
export function takePreopened(dataDir: string | undefined): Promise<PGlite> | undefined {
  if (!preopened || preopened.dataDir !== dataDir) return undefined;
  const { instance } = preopened;
  preopened = undefined;
  return instance;
}
