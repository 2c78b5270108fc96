// A process keeps the tokens it has seen, and forgets them the moment one is revoked: through its own
// route at once, and through the database's notification when another process (the CLI) revokes it.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiToken } from '../../src/features/auth/tokens.ts';
import { createTestApp, type TestApp } from '../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const newToken = (name: string) =>
  t.database.db
    .transaction()
    .execute((trx) => createApiToken(trx, { storeId: t.store.id, role: 'agent', name }));

test('a known token costs no query; revoked by the route it is refused at once', async () => {
  const { id, token } = await newToken('route');
  expect((await t.call('GET', '/api/v1/returns', undefined, { token })).statusCode).toBe(200);
  const trace: string[] = [];
  t.database.traceStatements(trace);
  expect((await t.call('GET', '/api/v1/returns', undefined, { token })).statusCode).toBe(200);
  t.database.traceStatements(null);
  expect(trace.filter((q) => q.includes('api_tokens'))).toEqual([]);
  expect(trace.length).toBeGreaterThan(0);

  const revoked = await t.call('POST', `/api/v1/tokens/${id}/revoke`);
  expect(revoked.statusCode, revoked.body).toBe(200);
  expect((await t.call('GET', '/api/v1/returns', undefined, { token })).statusCode).toBe(401);
});

test('revoked by another process, the token is refused once the notification arrives', async () => {
  const { id, token } = await newToken('cli');
  expect((await t.call('GET', '/api/v1/returns', undefined, { token })).statusCode).toBe(200);
  // what `aftersale token revoke` does from its own process: a plain UPDATE on the database
  await sql`update api_tokens set revoked_at = now() where id = ${id}`.execute(t.database.db);
  let status = 200;
  for (let i = 0; i < 100 && status === 200; i++) {
    status = (await t.call('GET', '/api/v1/returns', undefined, { token })).statusCode;
    if (status === 200) await new Promise((r) => setTimeout(r, 20));
  }
  expect(status).toBe(401);
});
