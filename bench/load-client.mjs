// The benchmark's HTTP clients, on their own thread (a worker), so the server's event loop is not
// shared with the load it measures: on a 2-core machine, the server gets one core and the clients
// the other, as with a real client on another machine. Plain JavaScript: no loader needed.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, token, clients, total, kind, ids, warmup = 0 } = workerData;
// node:http with kept-alive sockets, one per client: a lighter client than fetch (undici's fetch
// spends about a third of a millisecond per request), so the core it shares with the server and
// PostgreSQL goes to them
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const { hostname, port } = new URL(base);

function send(method, path, body, extra = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        agent,
        hostname,
        port,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...extra,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function post(path, body, extra = {}) {
  const res = await send('POST', path, body, extra);
  if (res.status >= 300) throw new Error(`${path} -> ${res.status} ${res.text}`);
  return JSON.parse(res.text);
}
async function get(path) {
  const res = await send('GET', path);
  if (res.status !== 200) throw new Error(`${path} -> ${res.status}`);
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
/** `count` tasks from number `from` on, `clients` at a time; their latencies when `timed` */
async function run(from, count, timed) {
  const latencies = [];
  let next = from;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < from + count) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        if (timed) latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}
// untimed first tasks (reads only: they can repeat), so this thread's and the server's code for
// them is compiled before the clock starts, as in a server that has been running
if (warmup) await run(0, warmup, false);
const started = performance.now();
const latencies = await run(warmup, total, true);
parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
