import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/auth/sessions.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.transaction().execute(async (trx) => {
    await createUser(trx, {
      storeId: t.store.id,
      email: 'Agent@Example.com',
      name: 'Aiko',
      role: 'agent',
      password: 'correct horse battery',
    });
    await createUser(trx, {
      storeId: t.store.id,
      email: 'wh@example.com',
      name: 'Wim',
      role: 'warehouse',
      password: 'correct horse battery',
    });
  });
});
afterAll(async () => {
  await t?.close();
});

async function signIn(email: string, password = 'correct horse battery') {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === 'as_session');
  return {
    res,
    cookie: cookie ? `as_session=${cookie.value}` : '',
    csrf: res.statusCode === 200 ? (res.json().csrf_token as string) : '',
  };
}

describe('console sessions', () => {
  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await signIn('agent@example.com', 'not the password');
    const unknown = await signIn('nobody@example.com');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().detail).toBe(unknown.res.json().detail);
    expect(wrong.cookie).toBe('');
  });

  it('signs in (case-insensitive email), sets an HTTP-only cookie, and acts with CSRF protection', async () => {
    const { res, cookie, csrf } = await signIn('agent@example.com');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email: 'agent@example.com', name: 'Aiko', role: 'agent' },
      store: { slug: 'test-store' },
    });
    const set = res.cookies.find((c) => c.name === 'as_session');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.json().csrf_token).toBe(csrf);

    const order = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          customer: {
            email: 'f@example.com',
            name: 'F',
            phone: null,
            language: 'en',
            time_zone: 'Europe/Berlin',
            segments: ['flagged'],
          },
        }),
      )
    ).json();
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/returns/${ret.id}/approve`,
      payload: {},
      headers: { cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().detail).toMatch(/csrf/i);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/returns/${ret.id}/approve`,
      payload: {},
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`)).json().data;
    expect(events.at(-1)).toMatchObject({ type: 'approved', actor: 'user:agent@example.com' });
  });

  it('enforces the role of the signed-in user', async () => {
    const { cookie, csrf } = await signIn('wh@example.com');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/policy',
      payload: {},
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('ends the session on sign-out', async () => {
    const { cookie, csrf } = await signIn('agent@example.com');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/returns', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('limits sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await signIn('agent@example.com', 'guess')).res.statusCode);
    expect(codes).toContain(429);
    const limited = await signIn('agent@example.com', 'guess');
    expect(limited.res.json().code).toBe('rate_limited');
  });
});
