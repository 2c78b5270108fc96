// Bulk ingestion: orders from any importer (CSV, Olist ...) streamed in, a batch per transaction
// written with set-based statements (writeOrderBatch) that leave the rows the API's upsert would, so
// a crash loses at most the batch in flight (re-running an import is safe: orders are replaced by
// id). Only the refusals are kept: memory does not grow with the file.
import { setImmediate as turn } from 'node:timers/promises';
import type { Database } from '../../db/connect.ts';
import type { OrderInput } from './orders.schemas.ts';
import { upsertOrder } from './upsert-order.ts';
import { orderKey, writeOrderBatch } from './write-order-batch.ts';

export type ImportItem =
  | { order: OrderInput; rows?: number[] }
  | { errors: string[]; rows?: number[]; number?: string | null; external_id?: string | null };

export interface ImportSummary {
  created: number;
  updated: number;
  refused: { ref: string; errors: string[] }[];
  seconds: number;
}

// Orders per transaction. Measured on PostgreSQL, 20,000 orders already parsed: 1,000 a batch wrote
// in 3.2 s, 2,500 in 2.5-2.7 s, 5,000 in 2.7-2.8 s (fewer, larger COPYs and commits; past that the
// parsing of the next batch overlaps the write less).
const BATCH = 2500;

// While a batch is being written, the reader gives the event loop a turn every TURN orders. Each of
// the batch's statements waits for Node to read the answer to the one before and send it; without
// the turns that waited until the whole chunk of the file at hand (hundreds of orders) was parsed,
// and the database sat idle meanwhile.
const TURN = 8;

export async function importOrders(
  database: Database,
  storeId: string,
  items: AsyncIterable<ImportItem>,
  onProgress: (done: number) => void = () => {},
  options: { batch?: number } = {},
): Promise<ImportSummary> {
  const most = options.batch ?? BATCH;
  // the first batches small, doubling up to `most`: the database starts writing while the rest of
  // the file is still being read (a file of 10,000 orders is only four full batches)
  let size = Math.min(250, most);
  const started = performance.now();
  const summary: ImportSummary = { created: 0, updated: 0, refused: [], seconds: 0 };
  let batch: { order: OrderInput; ref: string }[] = [];
  let keys = new Set<string>();
  let seen = 0;
  let writes = 0; // batches handed to the database and not yet written
  let since = 0; // orders read since the event loop's last turn
  const count = (created: boolean) => (created ? summary.created++ : summary.updated++);
  // Not prepared statements: a generic plan made while the tables were small (a first import, or one
  // after they were emptied) stays while the import grows them; looking a batch's orders up then
  // scanned every order for each key, and 20,000 orders took 50 s instead of 3 (measured on
  // PostgreSQL). A batch's statements are planned each time, for the tables as they are.
  const db = database.unpreparedDb;
  const write = async (current: { order: OrderInput; ref: string }[]) => {
    try {
      const results = await db.transaction().execute((trx) =>
        writeOrderBatch(
          trx,
          storeId,
          current.map((item) => item.order),
          (table, columns, csv) => database.copyCsv(trx, table, columns, csv),
        ),
      );
      results.forEach((r, i) => {
        if ('created' in r) count(r.created);
        else summary.refused.push({ ref: current[i]?.ref ?? '?', errors: [message(r.error)] });
      });
    } catch {
      // The database refused the batch as a whole: retry one by one to name the order it was.
      for (const item of current) {
        try {
          const r = await db.transaction().execute((trx) => upsertOrder(trx, storeId, item.order));
          count(r.created);
        } catch (err) {
          summary.refused.push({ ref: item.ref, errors: [message(err)] });
        }
      }
    }
  };
  // The next batch is read and validated while the database writes this one (on PostgreSQL the
  // two run on different cores); batches still commit one after the other, in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    keys = new Set();
    await writing;
    writes++;
    writing = write(current).finally(() => {
      writes--;
    });
  };
  for await (const item of items) {
    const ref =
      'order' in item
        ? (item.order.external_id ?? item.order.number)
        : (item.external_id ?? item.number ?? '?');
    const where = item.rows?.length ? ` (rows ${item.rows.join(', ')})` : '';
    if ('errors' in item) summary.refused.push({ ref: `${ref}${where}`, errors: item.errors });
    else {
      // the same order twice: the second replaces the first, so it waits for the first's batch
      const key = orderKey(item.order);
      if (keys.has(key)) await flush();
      keys.add(key);
      batch.push({ order: item.order, ref: `${ref}${where}` });
    }
    if (batch.length >= size) {
      await flush();
      size = Math.min(size * 2, most);
    }
    onProgress(++seen);
    if (writes > 0 && ++since >= TURN) {
      since = 0;
      await turn();
    }
  }
  await flush();
  await writing;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
