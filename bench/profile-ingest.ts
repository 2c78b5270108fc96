// A profiling run, not a benchmark: the CSV import of the benchmark's 20,000 generated orders into
// PostgreSQL (or PGlite with `pglite`; then `olist` for the Olist sample), for a CPU profile of where an import's time goes:
//   DATABASE_URL=postgres://… node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-ingest.ts
// The figure it prints is rough; `npm run bench -- --only=ingest` measures.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/db/migrate.ts';
import { readOrdersCsv } from '../src/features/orders/import-csv.ts';
import { readOlist } from '../src/features/orders/import-olist.ts';
import { importOrders } from '../src/features/orders/import-orders.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { testStoreInput } from '../test/app.ts';
import { openBackend } from './http-bench.ts';
import { csvRows, HEADER } from './ingest.ts';

const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
// `olist` as the second argument: the Olist sample (../shared/data/olist-10k-2017) instead
const source = process.argv[3] === 'olist' ? 'olist' : 'csv';
const { database, cleanup } = await openBackend(kind, process.env.DATABASE_URL);
await migrate(database);
const { store } = await database.db.transaction().execute((trx) => createStore(trx, testStoreInput));
const dir = mkdtempSync(join(tmpdir(), 'aftersale-profile-'));
const file = join(dir, 'orders.csv');
const n = 20_000;
writeFileSync(file, `${HEADER}\n${csvRows(0, n)}`);
const summary = await importOrders(
  database,
  store.id,
  source === 'olist'
    ? readOlist(join(import.meta.dirname, '../../shared/data/olist-10k-2017'))
    : readOrdersCsv(createReadStream(file)),
);
console.log(
  kind,
  source,
  summary.created,
  'orders',
  (summary.created / summary.seconds).toFixed(0),
  'orders/s',
);
rmSync(dir, { recursive: true, force: true });
await cleanup();
