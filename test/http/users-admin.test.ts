// Staff accounts over time: an owner deactivates one (no sign-in, sessions end, the name stays),
// a user changes their own password (other sessions end), an administrator resets one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPassword } from '../../src/features/auth/manage-users.ts';
import { createUser } from '../../src/features/auth/sessions.ts';
import { createTestApp, type TestApp } from '../app.ts';

let t: TestApp;
let address = 0;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.transaction().execute(async (trx) => {
    for (const [email, role] of [
      ['leaver@example.com', 'agent'],
      ['stayer@example.com', 'agent'],
      ['boss@example.com', 'owner'],
    ] as const)
      ids[email] = await createUser(trx, {
        storeId: t.store.id,
        email,
        name: email,
        role,
        password: 'first password here 1',
      });
  });
});
afterAll(async () => {
  await t?.close();
});

async function signIn(email: string, password = 'first password here 1') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
    remoteAddress: `10.55.0.${++address}`,
  });
  const cookie = res.cookies.find((c) => c.name === 'as_session');
  return {
    res,
    cookie: cookie ? `as_session=${cookie.value}` : '',
    csrf: res.statusCode === 200 ? res.json().csrf_token : '',
  };
}
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });

describe('deactivating a user', () => {
  it('ends their sessions and sign-in, hides them from the picker, and records it', async () => {
    const leaver = await signIn('leaver@example.com');
    expect((await me(leaver.cookie)).statusCode).toBe(200);
    const url = `/api/v1/users/${ids['leaver@example.com']}`;
    expect(
      (await t.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${t.tokens.agent}` } }))
        .statusCode,
    ).toBe(403);
    const res = await t.app.inject({
      method: 'DELETE',
      url,
      headers: { authorization: `Bearer ${t.tokens.owner}` },
    });
    expect(res.statusCode, res.body).toBe(204);

    expect((await me(leaver.cookie)).statusCode).toBe(401);
    const again = await signIn('leaver@example.com');
    expect(again.res.statusCode).toBe(401);
    const staff = (await t.call('GET', '/api/v1/users')).json().data.map((u: { email: string }) => u.email);
    expect(staff).not.toContain('leaver@example.com');
    expect(staff).toContain('stayer@example.com');
    const events = (await t.call('GET', '/api/v1/security-events')).json().data;
    expect(events[0]).toMatchObject({
      type: 'user_deactivated',
      data: { email: 'leaver@example.com', by: 'token:owner' },
    });
    const twice = await t.app.inject({
      method: 'DELETE',
      url,
      headers: { authorization: `Bearer ${t.tokens.owner}` },
    });
    expect(twice.statusCode).toBe(404);
  });

  it('refuses an owner deactivating their own account', async () => {
    const boss = await signIn('boss@example.com');
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${ids['boss@example.com']}`,
      headers: { cookie: boss.cookie, 'x-csrf-token': boss.csrf },
    });
    expect(res.statusCode).toBe(400);
    expect((await me(boss.cookie)).statusCode).toBe(200);
  });
});

describe('changing a password', () => {
  it('needs the current password and an acceptable new one, then ends the other sessions only', async () => {
    const phone = await signIn('stayer@example.com');
    const desk = await signIn('stayer@example.com');
    const change = (body: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session/password',
        payload: body,
        headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf },
      });
    const wrong = await change({ current_password: 'not it at all', new_password: 'a fine new password 2' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('current_password');
    const weak = await change({ current_password: 'first password here 1', new_password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('new_password');

    const ok = await change({
      current_password: 'first password here 1',
      new_password: 'a fine new password 2',
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(desk.cookie)).statusCode).toBe(200);
    expect((await me(phone.cookie)).statusCode).toBe(401);
    expect((await signIn('stayer@example.com')).res.statusCode).toBe(401);
    expect((await signIn('stayer@example.com', 'a fine new password 2')).res.statusCode).toBe(200);
  });

  it('is refused to an API token, which has no user', async () => {
    const res = await t.call('POST', '/api/v1/session/password', {
      current_password: 'x',
      new_password: 'a fine new password 3',
    });
    expect(res.statusCode).toBe(401);
  });

  it('can be reset by an administrator (the CLI)', async () => {
    await t.database.db
      .transaction()
      .execute((trx) => resetPassword(trx, t.store.id, 'Boss@example.com', 'reset by the admin 77'));
    expect((await signIn('boss@example.com')).res.statusCode).toBe(401);
    expect((await signIn('boss@example.com', 'reset by the admin 77')).res.statusCode).toBe(200);
    await expect(
      t.database.db
        .transaction()
        .execute((trx) => resetPassword(trx, t.store.id, 'boss@example.com', 'short')),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
