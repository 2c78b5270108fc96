// Guessing limits per target, whatever address the guesses come from: a staff account's password
// and an order's portal lookup. Each request below comes from its own address, so the per-address
// rate limit is never what refuses it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS } from '../../src/domain/guessing.ts';
import { createUser } from '../../src/features/auth/sessions.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

const PASSWORD = 'blue kettle at dawn 42';
let t: TestApp;
let address = 0;
const from = () => `10.77.${Math.floor(++address / 250)}.${address % 250}`;
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.transaction().execute((trx) =>
    createUser(trx, {
      storeId: t.store.id,
      email: 'lock@example.com',
      name: 'L',
      role: 'agent',
      password: PASSWORD,
    }),
  );
});
afterAll(async () => {
  await t?.close();
});

const signIn = (email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
    remoteAddress: from(),
  });
const lookup = (order_number: string, postal_code: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/stores/test-store/lookup',
    payload: { order_number, postal_code },
    remoteAddress: from(),
  });
/** As if the lock's time had passed. */
const expire = (subject: string) =>
  sql`UPDATE guess_counters SET locked_until = now() - interval '1 second' WHERE subject = ${subject}`.execute(
    t.database.db,
  );
const events = (type: string) =>
  t.database.db
    .selectFrom('security_events')
    .select(['subject', 'data'])
    .where('store_id', '=', t.store.id)
    .where('type', '=', type)
    .execute();

describe('staff sign-in', () => {
  it('locks an account after a few wrong passwords from different addresses, even for the right one', async () => {
    const codes: number[] = [];
    for (let i = 0; i < FREE_ATTEMPTS; i++)
      codes.push((await signIn('lock@example.com', `wrong ${i}`)).statusCode);
    expect(codes).toEqual(Array(FREE_ATTEMPTS).fill(401));
    const right = await signIn('LOCK@example.com', PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('rate_limited');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.json().retry_after).toBe(Number(right.headers['retry-after']));
    const [locked] = await events('account_locked');
    expect(locked?.data).toMatchObject({ email: 'lock@example.com', attempts: FREE_ATTEMPTS });
    // The owner reads it; other roles may not.
    const seen = await t.call('GET', '/api/v1/security-events');
    expect(seen.json().data[0]).toMatchObject({
      type: 'account_locked',
      data: { email: 'lock@example.com' },
    });
    expect((await t.call('GET', '/api/v1/security-events', undefined, { role: 'agent' })).statusCode).toBe(
      403,
    );
  });

  it('lets the right password in once the backoff has run out, and starts the count over', async () => {
    await expire('signin:lock@example.com');
    const right = await signIn('lock@example.com', PASSWORD);
    expect(right.statusCode, right.body).toBe(200);
    const left = await t.database.db
      .selectFrom('guess_counters')
      .selectAll()
      .where('subject', '=', 'signin:lock@example.com')
      .execute();
    expect(left).toEqual([]);
    expect((await signIn('lock@example.com', 'wrong again')).statusCode).toBe(401);
  });

  it('locks an unknown email the same way, so a lock tells nothing about who has an account', async () => {
    const codes: number[] = [];
    for (let i = 0; i <= FREE_ATTEMPTS; i++)
      codes.push((await signIn('nobody@example.com', `x${i}`)).statusCode);
    expect(codes).toEqual([...Array(FREE_ATTEMPTS).fill(401), 429]);
  });

  it('holds when the guesses arrive at once', async () => {
    const codes = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('burst@example.com', `guess ${i}`)))
    ).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(FREE_ATTEMPTS);
    expect(codes.filter((c) => c === 429)).toHaveLength(20 - FREE_ATTEMPTS);
  });
});

describe('portal lookup', () => {
  it('locks one order after a few wrong postal codes from different addresses, then opens after the backoff', async () => {
    await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LOCK-1' }));
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await lookup('LOCK-1', `9${i}999`)).statusCode).toBe(404);
    const right = await lookup('LOCK-1', '10115');
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('rate_limited');
    const [locked] = await events('portal_lookup_locked');
    expect(locked).toMatchObject({ subject: 'order_number:LOCK-1', data: { attempts: FREE_ATTEMPTS } });
    // Another order of the store is not held up by it.
    await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LOCK-2' }));
    expect((await lookup('LOCK-2', '10115')).statusCode).toBe(200);

    await expire(`lookup:${t.store.id}:LOCK-1`);
    const after = await lookup('LOCK-1', '10115');
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().token).toBeTypeOf('string');
  });
});
