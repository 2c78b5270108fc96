// How many SQL statements each request of the return flow sends (BEGIN and COMMIT counted, as in
// PostgreSQL's statement log): a regression in round trips fails the build, on both databases.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function counted(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown>; statements: number }> {
  const before = t.database.statements();
  const trace: string[] = [];
  if (process.env.TRACE_SQL) t.database.traceStatements(trace);
  const res = await t.call(method, url, body, headers ? { headers } : {});
  t.database.traceStatements(null);
  if (trace.length)
    console.log(`### ${method} ${url}\n${trace.map((q) => q.replace(/\s+/g, ' ').slice(0, 230)).join('\n')}`);
  const statements = t.database.statements() - before;
  return { status: res.statusCode, json: res.json(), statements };
}

test('the return flow', async () => {
  // warm: the first request of a process fills its caches
  const warm = await t.call('POST', '/api/v1/orders', makeOrder({ external_id: 'w', number: 'W1' }));
  expect(warm.statusCode).toBe(201);
  const order = await counted('POST', '/api/v1/orders', makeOrder({ external_id: 'x', number: 'X1' }));
  expect(order.status).toBe(201);
  const id = order.json.id as string;
  const read = await counted('GET', `/api/v1/orders/${id}`);
  const byNumber = await counted('GET', '/api/v1/orders?number=X1');
  expect(byNumber.json.data).toHaveLength(1);
  const create = await counted(
    'POST',
    '/api/v1/returns',
    { order_id: id, lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }], method: 'drop_off' },
    { 'idempotency-key': 'k1' },
  );
  expect(create.status).toBe(201);
  const rid = create.json.id as string;
  const view = await counted('GET', `/api/v1/returns/${rid}`);
  const receive = await counted('POST', `/api/v1/returns/${rid}/receive`, {
    lines: [{ line_id: 'L1', quantity: 1 }],
  });
  expect(receive.status).toBe(200);
  const inspect = await counted('POST', `/api/v1/returns/${rid}/inspect`, {
    lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }],
  });
  expect(inspect.status).toBe(200);
  const resolve = await counted('POST', `/api/v1/returns/${rid}/resolve`, {}, { 'idempotency-key': 'k2' });
  expect(resolve.status, JSON.stringify(resolve.json)).toBe(200);
  const counts = {
    'POST /orders': order.statements,
    'GET /orders/{id}': read.statements,
    'GET /orders?number=': byNumber.statements,
    'POST /returns': create.statements,
    'GET /returns/{id}': view.statements,
    'POST receive': receive.statements,
    'POST inspect': inspect.statements,
    'POST resolve': resolve.statements,
  };
  if (process.env.TRACE_SQL) console.log(counts);
  // Budgets: what each request sends today (issue 12 started at 14, 6, 51, 6, 29, 29 and 34; the
  // flow at 143). Lower is welcome: lower the budget with it.
  expect(counts).toEqual({
    'POST /orders': expect.toSatisfy((n: number) => n <= 9),
    // a whole order and a return's view are one query each
    'GET /orders/{id}': 1,
    'GET /orders?number=': 1,
    'POST /returns': expect.toSatisfy((n: number) => n <= 10),
    'GET /returns/{id}': 1,
    'POST receive': expect.toSatisfy((n: number) => n <= 5),
    // its disposition costs (store, rates, lines, supplier units and suppliers) are one read
    'POST inspect': expect.toSatisfy((n: number) => n <= 6),
    'POST resolve': expect.toSatisfy((n: number) => n <= 9),
  });
  // issue 12's target: the whole flow in at most 30 statements
  expect(
    create.statements + receive.statements + inspect.statements + resolve.statements,
  ).toBeLessThanOrEqual(30);
});
