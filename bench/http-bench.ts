// Measures the API over real HTTP on loopback: the whole return flow at 1 and 8 concurrent clients,
// and order and return reads under load. Bounded: fixed request counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { type Database, openPostgres } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { createApiToken } from '../src/features/auth/tokens.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { buildApp } from '../src/http/app.ts';
import { testStoreInput } from '../test/app.ts';
import { makeOrder } from '../test/builders.ts';
import type { Measure } from './report.ts';

/**
 * Runs `total` tasks with `concurrency` clients on a worker thread; each task's latency in ms.
 * `warmup` tasks (reads) run first on the same thread, untimed.
 */
function load(
  kind: 'flow' | 'order' | 'number' | 'view',
  base: string,
  token: string,
  ids: string[],
  total: number,
  clients: number,
  warmup = 0,
): Promise<{ latencies: number[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-client.mjs', import.meta.url), {
      workerData: { base, token, clients, total, kind, ids, warmup },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const quantile = (latencies: number[], q: number) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

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

/**
 * The HTTP figures of issue 12 on one database: the return flow (create, approved on the spot,
 * receive, inspect, resolve with a refund) with 1 and 8 clients, and an order read by id and by
 * number and a return's view with 8 clients. Clients run on their own thread (load-client.mjs).
 */
export async function benchHttp(kind: 'pglite' | 'postgres', url?: string, scale = 1): Promise<Measure[]> {
  const { database, cleanup } = await openBackend(kind, url);
  await migrate(database);
  const { token } = await database.db.transaction().execute(async (trx) => {
    const { store } = await createStore(trx, testStoreInput);
    const created = await createApiToken(trx, { storeId: store.id, role: 'owner', name: 'bench' });
    return { token: created.token, storeId: store.id };
  });
  const app = await buildApp({ database, publicUrl: 'http://localhost', logLevel: 'warn' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const out: Measure[] = [];
  const backend = kind;
  try {
    const flows1 = Math.round(60 * scale);
    const flows8 = Math.round(400 * scale);
    const nOrders = flows1 + flows8 + 20;
    const orderIds: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < nOrders; i += 200) {
      const batch = Array.from({ length: Math.min(200, nOrders - i) }, (_, k) => i + k);
      await Promise.all(
        batch.map(async (n) => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/orders',
            headers: { authorization: `Bearer ${token}` },
            payload: makeOrder({ external_id: `bench-${n}`, number: `B${n}` }),
          });
          if (res.statusCode !== 201) throw new Error(`order ${res.statusCode} ${res.body}`);
          orderIds[n] = res.json().id;
        }),
      );
    }
    out.push({
      name: 'POST /orders (in process)',
      backend,
      value: nOrders / ((performance.now() - t0) / 1000),
      unit: 'orders/s',
      detail: `${nOrders}`,
    });

    const warm = await load('flow', base, token, orderIds.slice(0, 20), 20, 4);
    if (warm.latencies.length !== 20) throw new Error('warm-up flows did not all run');
    const one = await load('flow', base, token, orderIds.slice(20, 20 + flows1), flows1, 1);
    out.push({
      name: 'return flow, 1 client',
      backend,
      value: flows1 / one.seconds,
      unit: 'flows/s',
      detail: `${flows1} flows, p50 ${quantile(one.latencies, 0.5).toFixed(1)} ms`,
    });
    const eight = await load('flow', base, token, orderIds.slice(20 + flows1), flows8, 8);
    out.push({
      name: 'return flow, 8 clients',
      backend,
      value: flows8 / eight.seconds,
      unit: 'flows/s',
      target: { op: '>=', value: kind === 'postgres' ? 130 : 40 },
      detail: `${flows8} flows`,
    });
    out.push({
      name: 'return flow, 8 clients: p99 of a whole flow',
      backend,
      value: quantile(eight.latencies, 0.99),
      unit: 'ms',
      ...(kind === 'postgres' ? { target: { op: '<=' as const, value: 100 } } : {}),
    });

    const reads = Math.round(3000 * scale);
    // each read kind is timed after as many untimed reads of its own kind
    const warmup = reads;
    const byId = await load('order', base, token, orderIds, reads, 8, warmup);
    out.push({
      name: 'GET /orders/{id}, 8 clients: p50',
      backend,
      value: quantile(byId.latencies, 0.5),
      unit: 'ms',
      ...(kind === 'postgres' ? { target: { op: '<=' as const, value: 2 } } : {}),
      detail: `${reads} reads after ${warmup} untimed, ${(reads / byId.seconds).toFixed(0)}/s`,
    });
    const numbers = orderIds.map((_, i) => `B${i}`);
    const byNumber = await load('number', base, token, numbers, reads, 8, warmup);
    out.push({
      name: 'GET /orders?number=, 8 clients: p50',
      backend,
      value: quantile(byNumber.latencies, 0.5),
      unit: 'ms',
      ...(kind === 'postgres' ? { target: { op: '<=' as const, value: 2 } } : {}),
      detail: `${reads} reads after ${warmup} untimed, ${(reads / byNumber.seconds).toFixed(0)}/s`,
    });
    const returnIds = (
      await database.db.selectFrom('cases').select('id').where('kind', '=', 'return').execute()
    ).map((r) => r.id);
    const views = await load('view', base, token, returnIds, reads, 8, warmup);
    out.push({
      name: "GET /returns/{id} (a return's view), 8 clients: p50",
      backend,
      value: quantile(views.latencies, 0.5),
      unit: 'ms',
      ...(kind === 'postgres' ? { target: { op: '<=' as const, value: 3 } } : {}),
      detail: `${reads} reads after ${warmup} untimed, ${(reads / views.seconds).toFixed(0)}/s`,
    });
  } finally {
    await app.close();
    await cleanup();
  }
  return out;
}
