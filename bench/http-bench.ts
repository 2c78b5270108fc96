// Measures the API over real HTTP on loopback: order ingestion, the whole return flow at 1 and 8
// concurrent clients, and order lookup by number under load. Bounded: fixed request counts.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { type Database, openPglite, openPostgres } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { createApiToken } from '../src/features/auth/tokens.ts';
import { readOrdersCsv } from '../src/features/orders/import-csv.ts';
import { importOrders } from '../src/features/orders/import-orders.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { buildApp } from '../src/http/app.ts';
import { testStoreInput } from '../test/app.ts';
import { makeOrder } from '../test/builders.ts';

export interface Stat {
  name: string;
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

function stat(name: string, latencies: number[], seconds: number): Stat {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    name,
    count: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** Runs `total` tasks with `concurrency` workers; returns each task's latency in ms. */
async function pool(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export async function openBackend(
  kind: 'pglite' | 'postgres',
  url?: string,
): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'aftersale-bench-'));
    const database = await openPglite({ dataDir: dir });
    return {
      database,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!url) throw new Error('DATABASE_URL is needed for the PostgreSQL run');
  const name = `aftersale_bench_${process.pid}`;
  const admin = await openPostgres(url, 1);
  await sql`DROP DATABASE IF EXISTS ${sql.id(name)}`.execute(admin.db);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 10);
  return {
    database,
    cleanup: async () => {
      await database.close();
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)}`
        .execute(admin.db)
        .catch(() => sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db));
      await admin.close();
    },
  };
}

export async function benchHttp(kind: 'pglite' | 'postgres', url?: string, scale = 1): Promise<Stat[]> {
  const { database, cleanup } = await openBackend(kind, url);
  await migrate(database);
  const { token, storeId } = await database.db.transaction().execute(async (trx) => {
    const { store } = await createStore(trx, testStoreInput);
    const created = await createApiToken(trx, { storeId: store.id, role: 'owner', name: 'bench' });
    return { token: created.token, storeId: store.id };
  });
  const app = await buildApp({ database, publicUrl: 'http://localhost' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { ...headers, ...extra },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string };
    if (res.status >= 300) throw new Error(`${path} -> ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const stats: Stat[] = [];
  try {
    const nOrders = Math.round(400 * scale);
    const orderIds: string[] = [];
    const ing = await pool(nOrders, 8, async (i) => {
      const o = await post('/api/v1/orders', makeOrder({ external_id: `bench-${i}`, number: `B${i}` }));
      orderIds[i] = o.id;
    });
    stats.push(stat(`${kind}: POST /orders, 8 clients`, ing.latencies, ing.seconds));

    const nCsv = Math.round(2000 * scale);
    const csv = csvOrders(nCsv);
    const t0 = performance.now();
    const imported = await importOrders(database, storeId, readOrdersCsv(Readable.from([csv])));
    const csvSeconds = (performance.now() - t0) / 1000;
    if (imported.created !== nCsv) throw new Error(`CSV import took ${imported.created} of ${nCsv}`);
    stats.push({
      name: `${kind}: CSV import (aftersale import orders)`,
      count: nCsv,
      seconds: csvSeconds,
      perSecond: nCsv / csvSeconds,
      p50: 0,
      p99: 0,
    });

    let cursor = 0;
    const flow = async () => {
      const orderId = orderIds[cursor++];
      const ret = await post(
        '/api/v1/returns',
        { order_id: orderId, lines: [{ line_id: 'L1', quantity: 1 }], method: 'drop_off' },
        { 'idempotency-key': randomUUID() },
      );
      await post(`/api/v1/returns/${ret.id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
      await post(`/api/v1/returns/${ret.id}/inspect`, {
        lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }],
      });
      await post(`/api/v1/returns/${ret.id}/resolve`, {}, { 'idempotency-key': randomUUID() });
    };
    for (const clients of [1, 8]) {
      const n = Math.round((clients === 1 ? 60 : 200) * scale);
      const r = await pool(n, clients, flow);
      stats.push(
        stat(
          `${kind}: return flow (create, receive, inspect, resolve), ${clients} client(s)`,
          r.latencies,
          r.seconds,
        ),
      );
    }

    const lookups = Math.round(2000 * scale);
    const look = await pool(lookups, 8, async (i) => {
      const res = await fetch(`${base}/api/v1/orders?number=B${(i * 7919) % nOrders}`, { headers });
      if (res.status !== 200) throw new Error(`lookup ${res.status}`);
      await res.arrayBuffer();
    });
    stats.push(stat(`${kind}: GET /orders?number=, 8 clients`, look.latencies, look.seconds));
  } finally {
    await app.close();
    await cleanup();
  }
  return stats;
}

const CSV_HEADER =
  'order_number,currency,placed_at,customer_email,ship_name,ship_line1,ship_city,ship_country,line_id,sku,title,quantity,unit_price,line_tax,payment_provider,payment_amount,carrier,tracking_number,shipped_at,delivered_at';

/** `n` one-line orders in the documented CSV layout. */
function csvOrders(n: number): string {
  const rows = [CSV_HEADER];
  for (let i = 0; i < n; i++)
    rows.push(
      `CSV-${i},EUR,2026-03-01T10:00:00Z,buyer${i % 500}@example.de,Buyer ${i},Hauptstr. ${i},Berlin,DE,L1,SKU-${i % 50},Item ${i % 50},1,2999,570,manual,3569,DHL,T${i},2026-03-02T08:00:00Z,2026-03-04T13:00:00Z`,
    );
  return `${rows.join('\n')}\n`;
}
