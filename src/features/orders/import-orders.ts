// Bulk ingestion: orders from any importer (CSV, Olist ...) written through the same upsert as the
// API, a batch per transaction so a refused order never takes its neighbours down and a crash
// loses at most the batch in flight (re-running an import is safe: orders are replaced by id).
import type { Database } from '../../db/connect.ts';
import type { OrderInput } from './orders.schemas.ts';
import { upsertOrder } from './upsert-order.ts';

export type ImportItem =
  | { order: OrderInput; rows?: number[] }
  | { errors: string[]; rows?: number[]; number?: string | null; external_id?: string | null };

export interface ImportSummary {
  created: number;
  updated: number;
  refused: { ref: string; errors: string[] }[];
  seconds: number;
}

const BATCH = 200;

export async function importOrders(
  database: Database,
  storeId: string,
  items: AsyncIterable<ImportItem>,
  onProgress: (done: number) => void = () => {},
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = { created: 0, updated: 0, refused: [], seconds: 0 };
  let batch: { order: OrderInput; ref: string }[] = [];
  let seen = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    try {
      const results = await database.db.transaction().execute(async (trx) => {
        const out = [];
        for (const item of current) out.push(await upsertOrder(trx, storeId, item.order));
        return out;
      });
      for (const r of results) r.created ? summary.created++ : summary.updated++;
    } catch {
      // One order of the batch was refused by the database: retry one by one to name it.
      for (const item of current) {
        try {
          const r = await database.db.transaction().execute((trx) => upsertOrder(trx, storeId, item.order));
          r.created ? summary.created++ : summary.updated++;
        } catch (err) {
          summary.refused.push({ ref: item.ref, errors: [err instanceof Error ? err.message : String(err)] });
        }
      }
    }
  };
  for await (const item of items) {
    const ref =
      'order' in item
        ? (item.order.external_id ?? item.order.number)
        : (item.external_id ?? item.number ?? '?');
    const where = item.rows?.length ? ` (rows ${item.rows.join(', ')})` : '';
    if ('errors' in item) summary.refused.push({ ref: `${ref}${where}`, errors: item.errors });
    else batch.push({ order: item.order, ref: `${ref}${where}` });
    if (batch.length >= BATCH) await flush();
    onProgress(++seen);
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
