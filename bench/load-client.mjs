// The benchmark's HTTP clients, on their own thread (a worker), so the server's event loop is not
// shared with the load it measures: on a 2-core machine, the server gets one core and the clients
// the other, as with a real client on another machine. Plain JavaScript: no loader needed.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const { base, token, clients, total, kind, ids } = workerData;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function post(path, body, extra = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json;
}
async function get(path) {
  const res = await fetch(base + path, { headers });
  if (res.status !== 200) throw new Error(`${path} -> ${res.status}`);
  await res.arrayBuffer();
}

const tasks = {
  // create (approved on the spot), receive, inspect, resolve with a refund
  async flow(i) {
    const ret = await post(
      '/api/v1/returns',
      { order_id: ids[i], lines: [{ line_id: 'L1', quantity: 1 }], method: 'drop_off' },
      { 'idempotency-key': randomUUID() },
    );
    await post(`/api/v1/returns/${ret.id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
    await post(`/api/v1/returns/${ret.id}/inspect`, {
      lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }],
    });
    await post(`/api/v1/returns/${ret.id}/resolve`, {}, { 'idempotency-key': randomUUID() });
  },
  order: (i) => get(`/api/v1/orders/${ids[i % ids.length]}`),
  number: (i) => get(`/api/v1/orders?number=${encodeURIComponent(ids[i % ids.length])}`),
  view: (i) => get(`/api/v1/returns/${ids[i % ids.length]}`),
};

const task = tasks[kind];
const latencies = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  }),
);
parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
