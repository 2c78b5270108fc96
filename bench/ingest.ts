// npx tsx bench/ingest.ts [--scale=0.2] [--million]: bulk ingestion (issue 12) on PGlite and on
// PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres), each in a database of
// its own. For a generated CSV (20,000 orders at scale 1, one to three lines each) and for the Olist
// sample (../shared/data/olist-10k-2017, read where it lies: its licence keeps it out of the repo):
//   - the raw COPY of the same orders' rows (customers, orders, lines, payments, parcels) into the
//     same empty tables, one transaction: the rate an import is held to;
//   - the import itself (read, validate, write: what `aftersale import` does), target >= half of it.
// Then memory: 200,000 orders (1,000,000 with --million) streamed from a generator, heap and RSS
// after a forced GC at 10% of the run and at its end; target: the heap does not grow with the file.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { copyCsv } from '../src/features/orders/copy-csv.ts';
import { readOrdersCsv } from '../src/features/orders/import-csv.ts';
import { readOlist } from '../src/features/orders/import-olist.ts';
import { type ImportItem, importOrders } from '../src/features/orders/import-orders.ts';
import type { OrderInput } from '../src/features/orders/orders.schemas.ts';
import { batchOrderRow, childRows, foldCustomers } from '../src/features/orders/write-order-batch.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { testStoreInput } from '../test/app.ts';
import { openBackend } from './http-bench.ts';
import { type Measure, table } from './report.ts';

const OLIST = join(import.meta.dirname, '../../shared/data/olist-10k-2017');
const TABLES = ['customers', 'orders', 'order_lines', 'payments', 'fulfillments'] as const;

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

export const HEADER =
  'order_number,external_id,channel,currency,placed_at,customer_email,customer_name,ship_name,ship_line1,ship_city,ship_postal_code,ship_country,shipping_amount,payment_provider,payment_reference,payment_amount,line_id,sku,title,quantity,unit_price,line_tax,carrier,tracking_number,shipped_at,delivered_at';

/** The CSV of orders `from`..`to`-1, one row per line (1 to 3), order cells on the first row only. */
export function csvRows(from: number, to: number): string {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const lines = 1 + (i % 3);
    const price = 1000 + (i % 50) * 100;
    const day = String(1 + (i % 28)).padStart(2, '0');
    let total = 495;
    for (let j = 0; j < lines; j++) total += price * (1 + (j % 2)) + Math.round(price * 0.19) * (1 + (j % 2));
    for (let j = 0; j < lines; j++) {
      const head =
        j === 0
          ? `B${i},ext-${i},web,EUR,2026-03-${day}T10:00:00Z,buyer${i % 5000}@example.de,Buyer ${i % 5000},Buyer ${i % 5000},Hauptstr. ${i % 200},Berlin,10115,DE,495,card,pay_${i},${total}`
          : `B${i},,,,,,,,,,,,,,,`;
      const qty = 1 + (j % 2);
      out.push(
        `${head},L${j + 1},SKU-${(i * 7 + j) % 500},"Item, no. ${(i * 7 + j) % 500}",${qty},${price},${Math.round(price * 0.19) * qty},DHL,T${i},2026-03-${day}T18:00:00Z,`,
      );
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** `n` orders as a stream of CSV text, made as it is read: the file never exists whole. */
function csvStream(n: number): Readable {
  return Readable.from(
    (function* () {
      yield `${HEADER}\n`;
      for (let i = 0; i < n; i += 1000) yield csvRows(i, Math.min(n, i + 1000));
    })(),
  );
}

// --- the raw COPY baseline --------------------------------------------------------------------

interface CopyTable {
  table: (typeof TABLES)[number];
  columns: string[];
  csv: string;
  rows: number;
}

/** The rows an import of these orders writes, per table, ready for COPY. */
function copyTables(storeId: string, orders: OrderInput[]): CopyTable[] {
  const customers = foldCustomers(orders);
  const customerIds = new Map(customers.map((c) => [c.email, c.id]));
  const withIds = orders.map((input) => ({ input, id: randomUUID() }));
  const orderRows = withIds.map(({ input, id }) =>
    batchOrderRow(input, id, customerIds.get(input.customer.email.toLowerCase()) as string),
  );
  const { lines, payments, parcels } = childRows(withIds);
  const tables: [CopyTable['table'], object[]][] = [
    ['customers', customers],
    ['orders', orderRows],
    ['order_lines', lines],
    ['payments', payments],
    ['fulfillments', parcels],
  ];
  return tables.map(([table, rows]) => ({ table, ...copyCsv(storeId, rows), rows: rows.length }));
}

/** The same rows in one transaction, by the same Database.copyCsv an import writes with. */
async function rawCopy(database: Database, tables: CopyTable[]): Promise<{ seconds: number; how: string }> {
  const t0 = performance.now();
  await database.db.transaction().execute(async (trx) => {
    for (const t of tables) await database.copyCsv(trx, t.table, t.columns, t.csv);
  });
  return {
    seconds: (performance.now() - t0) / 1000,
    how: database.pglite ? "raw COPY FROM '/dev/blob'" : 'raw COPY FROM STDIN (pg-copy-streams)',
  };
}

async function empty(database: Database): Promise<void> {
  await sql`TRUNCATE ${sql.join(TABLES.map((t) => sql.id(t)))} CASCADE`.execute(database.db);
}

// --- the measures -----------------------------------------------------------------------------

/** Measures the COPY of `orders`' rows, then the import of `items()` into the emptied tables. */
async function copyThenImport(
  what: string,
  database: Database,
  storeId: string,
  orders: OrderInput[],
  items: () => AsyncIterable<ImportItem>,
  backend: Measure['backend'],
): Promise<Measure[]> {
  const tables = copyTables(storeId, orders);
  const rows = tables.reduce((s, t) => s + t.rows, 0);
  await empty(database);
  const copy = await rawCopy(database, tables);
  await empty(database);
  const imported = await importOrders(database, storeId, items());
  if (imported.created !== orders.length)
    throw new Error(`${what}: ${imported.created} created of ${orders.length}`);
  const copyRate = orders.length / copy.seconds;
  const detail = `${orders.length} orders, ${rows} rows in ${TABLES.length} tables`;
  return [
    {
      name: `${what}: ${copy.how} of the same rows, one transaction`,
      backend,
      value: rows / copy.seconds,
      unit: 'rows/s',
      detail,
    },
    { name: `${what}: ${copy.how}, as orders`, backend, value: copyRate, unit: 'orders/s', detail },
    {
      name: `${what}: import (read, validate, write in batches)`,
      backend,
      value: orders.length / imported.seconds,
      unit: 'orders/s',
      target: { op: '>=', value: copyRate / 2, note: '(half the raw COPY)' },
      detail: `${orders.length} orders in ${imported.seconds.toFixed(1)} s`,
    },
  ];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}

const orderOf = (items: ImportItem[]) => items.flatMap((i) => ('order' in i ? [i.order] : []));

async function memory(
  database: Database,
  storeId: string,
  n: number,
  backend: Measure['backend'],
): Promise<Measure[]> {
  await empty(database);
  const mb = (b: number) => b / 2 ** 20;
  let early = { heap: 0, rss: 0 };
  const summary = await importOrders(database, storeId, readOrdersCsv(csvStream(n)), (done) => {
    if (done !== Math.round(n / 10)) return;
    gc();
    early = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
  });
  gc();
  const end = process.memoryUsage();
  if (summary.created !== n) throw new Error(`memory run: ${summary.created} created of ${n}`);
  const detail = `${n.toLocaleString('en-US')} orders streamed at ${Math.round(n / summary.seconds)} orders/s`;
  return [
    {
      name: 'CSV import: heap growth from 10% of the file to its end',
      backend,
      value: mb(end.heapUsed - early.heap),
      unit: 'MB',
      target: { op: '<=', value: 64, note: '(does not grow with the file)' },
      detail,
    },
    {
      name: 'CSV import: RSS growth from 10% of the file to its end',
      backend,
      value: mb(end.rss - early.rss),
      unit: 'MB',
      detail: `${detail}; RSS at the end ${Math.round(mb(end.rss))} MB`,
    },
  ];
}

export async function benchIngest(
  kind: 'pglite' | 'postgres',
  url: string | undefined,
  scale: number,
  options: { memoryOrders?: number } = {},
): Promise<Measure[]> {
  const { database, cleanup } = await openBackend(kind, url);
  const measures: Measure[] = [];
  try {
    await migrate(database);
    const { store } = await database.db.transaction().execute((trx) => createStore(trx, testStoreInput));
    const n = Math.round(20_000 * scale);
    const dir = mkdtempSync(join(tmpdir(), 'aftersale-ingest-'));
    try {
      const file = join(dir, 'orders.csv');
      writeFileSync(file, `${HEADER}\n${csvRows(0, n)}`);
      const read = () => readOrdersCsv(createReadStream(file));
      const orders = orderOf(await collect(read()));
      measures.push(...(await copyThenImport('CSV', database, store.id, orders, read, kind)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    if (existsSync(join(OLIST, 'orders.csv'))) {
      const olist = () => readOlist(OLIST) as AsyncIterable<ImportItem>;
      const orders = orderOf(await collect(olist()));
      measures.push(...(await copyThenImport('Olist', database, store.id, orders, olist, kind)));
    }

    measures.push(
      ...(await memory(database, store.id, options.memoryOrders ?? Math.round(200_000 * scale), kind)),
    );
  } finally {
    await cleanup();
  }
  return measures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? '1');
  const memoryOrders = process.argv.includes('--million') ? 1_000_000 : undefined;
  const url = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const measures: Measure[] = [];
  measures.push(...(await benchIngest('pglite', undefined, scale, { memoryOrders })));
  try {
    measures.push(...(await benchIngest('postgres', url, scale, { memoryOrders })));
  } catch (err) {
    console.error(`PostgreSQL run skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log(table(measures));
}
