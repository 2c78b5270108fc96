// A profiling run, not a benchmark: the server in this process on PostgreSQL, 8 clients on a worker
// thread doing return flows or order reads, for a CPU profile of where the server's time goes:
//   DATABASE_URL=postgres://… node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-http.ts flow
// (or `order`, or `view` after a return per order; then `pglite` to run it on the embedded database, then the number of clients, 8 unless
// given, then how many flows or reads to time). The figures it prints are rough; `npm run bench` measures.
import { Worker } from 'node:worker_threads';
import { migrate } from '../src/db/migrate.ts';
import { createApiToken } from '../src/features/auth/tokens.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { buildApp } from '../src/http/app.ts';
import { testStoreInput } from '../test/app.ts';
import { makeOrder } from '../test/builders.ts';
import { openBackend } from './http-bench.ts';

const kind = (process.argv[2] ?? 'order') as 'order' | 'flow' | 'view';
const backend = process.argv[3] === 'pglite' ? 'pglite' : 'postgres';
const clients = Number(process.argv[4] ?? 8);
const total = Number(process.argv[5] ?? (kind === 'flow' ? 300 : 4000));
const { database, cleanup } = await openBackend(backend, process.env.DATABASE_URL);
await migrate(database);
const { token } = await database.db.transaction().execute(async (trx) => {
  const { store } = await createStore(trx, testStoreInput);
  return createApiToken(trx, { storeId: store.id, role: 'owner', name: 'bench' });
});
const app = await buildApp({ database, publicUrl: 'http://localhost', logLevel: 'warn' });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const ids: string[] = [];
for (let n = 0; n < 400; n++) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: { authorization: `Bearer ${token}` },
    payload: makeOrder({ external_id: `b-${n}`, number: `B${n}` }),
  });
  ids.push(res.json().id);
}
const run = (total: number, task = kind, on = ids, warmup = 0) =>
  new Promise<{ latencies: number[]; seconds: number }>((resolve, reject) => {
    const w = new Worker(new URL('./load-client.mjs', import.meta.url), {
      workerData: { base, token, clients, total, kind: task, ids: on, warmup },
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
let r: { latencies: number[]; seconds: number };
if (kind === 'view') {
  // a return per order first, then their views
  await run(ids.length, 'flow');
  const returns = (await database.db.selectFrom('cases').select('id').execute()).map((c) => c.id);
  r = await run(total, 'view', returns, 1000);
} else {
  await run(kind === 'flow' ? 40 : 500);
  r = await run(total);
}
const s = [...r.latencies].sort((a, b) => a - b);
console.log(
  kind,
  (r.latencies.length / r.seconds).toFixed(0),
  '/s p50',
  s[Math.floor(s.length / 2)]?.toFixed(2),
);
await app.close();
await cleanup();
