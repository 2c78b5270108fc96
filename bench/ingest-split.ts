// A measuring run, not a benchmark: how much of the CSV import's time is reading and validating, and
// what handing parsed orders from a worker thread would cost the main thread. For the benchmark's
// 20,000 generated orders, three rounds of:
// - the import from the CSV text (read, validate, write), as the benchmark does;
// - the same import fed orders parsed beforehand (the rate if reading and validating cost nothing);
// - reading and validating alone, and a structured clone (v8 serialize / deserialize, as postMessage
//   does) of the parsed orders in chunks of 250.
//   DATABASE_URL=postgres://… npx tsx bench/ingest-split.ts      (or `pglite`)
import { Readable } from 'node:stream';
import { deserialize, serialize } from 'node:v8';
import { sql } from 'kysely';
import { migrate } from '../src/db/migrate.ts';
import { readOrdersCsv } from '../src/features/orders/import-csv.ts';
import { type ImportItem, importOrders } from '../src/features/orders/import-orders.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { testStoreInput } from '../test/app.ts';
import { openBackend } from './http-bench.ts';
import { csvRows, HEADER } from './ingest.ts';

const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const { database, cleanup } = await openBackend(kind, process.env.DATABASE_URL);
await migrate(database);
const { store } = await database.db.transaction().execute((trx) => createStore(trx, testStoreInput));
const n = 20_000;
const text = `${HEADER}\n${csvRows(0, n)}`;
const read = () => readOrdersCsv(Readable.from([text])) as AsyncIterable<ImportItem>;
const empty = () =>
  sql`TRUNCATE customers, orders, order_lines, payments, fulfillments CASCADE`.execute(database.db);
async function* replay(items: ImportItem[]) {
  for (const item of items) yield item;
}

for (let round = 0; round < 3; round++) {
  await empty();
  const fromCsv = await importOrders(database, store.id, read());
  let t0 = performance.now();
  const items: ImportItem[] = [];
  for await (const item of read()) items.push(item);
  const parse = performance.now() - t0;
  await empty();
  const preParsed = await importOrders(database, store.id, replay(items));
  t0 = performance.now();
  const chunks: Buffer[] = [];
  for (let i = 0; i < items.length; i += 250) chunks.push(serialize(items.slice(i, i + 250)));
  const ser = performance.now() - t0;
  t0 = performance.now();
  for (const chunk of chunks) deserialize(chunk);
  const de = performance.now() - t0;
  const bytes = chunks.reduce((s, c) => s + c.length, 0);
  console.log(
    `${kind}: from CSV ${(n / fromCsv.seconds).toFixed(0)} orders/s, pre-parsed ${(n / preParsed.seconds).toFixed(0)} orders/s;`,
    `read+validate alone ${parse.toFixed(0)} ms, clone ${ser.toFixed(0)} + ${de.toFixed(0)} ms (${(bytes / 1e6).toFixed(1)} MB)`,
  );
}
await cleanup();
