// Who owns a return: assign to a colleague, to oneself, to nobody; the queue filters by owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/auth/sessions.ts';
import { createStore } from '../../src/features/stores/create-store.ts';
import { createTestApp, type TestApp, testStoreInput } from '../app.ts';
import { makeOrder } from '../builders.ts';

const PASSWORD = 'correct horse battery';
let t: TestApp;
const ids = { aiko: '', bea: '', rita: '', otto: '' };

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.transaction().execute(async (trx) => {
    const user = (email: string, name: string, role: 'agent' | 'warehouse' | 'read_only') =>
      createUser(trx, { storeId: t.store.id, email, name, role, password: PASSWORD });
    // Created out of name order: the list must sort them.
    ids.rita = await user('rita@example.com', 'Rita Reader', 'read_only');
    ids.bea = await user('bea@example.com', 'Bea Warehouse', 'warehouse');
    ids.aiko = await user('aiko@example.com', 'Aiko Agent', 'agent');
    const { store: other } = await createStore(trx, { ...testStoreInput, slug: 'other-store' });
    ids.otto = await createUser(trx, {
      storeId: other.id,
      email: 'otto@example.com',
      name: 'Otto Other',
      role: 'agent',
      password: PASSWORD,
    });
  });
});
afterAll(async () => {
  await t?.close();
});

interface Session {
  cookie: string;
  csrf: string;
  body: { user: { id: string; email: string } };
}

async function signIn(email: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'as_session');
  return { cookie: `as_session=${cookie?.value}`, csrf: res.json().csrf_token, body: res.json() };
}

function asUser(s: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
  });
}

async function newReturn(): Promise<string> {
  const order = await t.call('POST', '/api/v1/orders', makeOrder());
  expect(order.statusCode, order.body).toBe(201);
  const ret = await t.call('POST', '/api/v1/returns', {
    order_id: order.json().id,
    lines: [{ line_id: 'L1', quantity: 1 }],
  });
  expect(ret.statusCode, ret.body).toBe(201);
  return ret.json().id;
}

const events = async (id: string) =>
  (await t.call('GET', `/api/v1/returns/${id}/events`)).json().data as {
    type: string;
    actor: string;
    data: unknown;
  }[];
const assigned = async (id: string) =>
  (await events(id)).filter((e) => e.type === 'assigned').map((e) => ({ actor: e.actor, data: e.data }));

describe('staff and sessions', () => {
  it('names the signed-in user by id in the session view', async () => {
    const aiko = await signIn('aiko@example.com');
    expect(aiko.body.user).toMatchObject({ id: ids.aiko, email: 'aiko@example.com' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: aiko.cookie },
    });
    expect(me.json().user).toEqual({
      id: ids.aiko,
      email: 'aiko@example.com',
      name: 'Aiko Agent',
      role: 'agent',
    });
  });

  it("lists the store's staff by name, without password hashes or other stores' users", async () => {
    const res = await t.call('GET', '/api/v1/users', undefined, { role: 'read_only' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      data: [
        { id: ids.aiko, name: 'Aiko Agent', email: 'aiko@example.com', role: 'agent' },
        { id: ids.bea, name: 'Bea Warehouse', email: 'bea@example.com', role: 'warehouse' },
        { id: ids.rita, name: 'Rita Reader', email: 'rita@example.com', role: 'read_only' },
      ],
    });
    expect(res.body).not.toMatch(/hash|argon/i);
  });
});

describe('assigning a return', () => {
  it('assigns to a colleague by id, to oneself, and to nobody, with an event for each change', async () => {
    const id = await newReturn();
    expect((await t.call('GET', `/api/v1/returns/${id}`)).json().assignee).toBeNull();

    const toBea = await t.call('POST', `/api/v1/cases/${id}/assign`, { user_id: ids.bea }, { role: 'agent' });
    expect(toBea.statusCode, toBea.body).toBe(200);
    const bea = { id: ids.bea, name: 'Bea Warehouse', email: 'bea@example.com' };
    expect(toBea.json()).toEqual({ id, assignee: bea });
    expect((await t.call('GET', `/api/v1/returns/${id}`)).json().assignee).toEqual(bea);

    const aiko = await signIn('aiko@example.com');
    const toMe = await asUser(aiko, 'POST', `/api/v1/cases/${id}/assign`, { to: 'me' });
    expect(toMe.statusCode, toMe.body).toBe(200);
    expect(toMe.json().assignee).toEqual({ id: ids.aiko, name: 'Aiko Agent', email: 'aiko@example.com' });
    // Taking what is already yours changes nothing and records nothing.
    const again = await asUser(aiko, 'POST', `/api/v1/cases/${id}/assign`, { user_id: ids.aiko });
    expect(again.json().assignee?.id).toBe(ids.aiko);

    const none = await t.call('POST', `/api/v1/cases/${id}/assign`, { user_id: null }, { role: 'finance' });
    expect(none.json()).toEqual({ id, assignee: null });
    expect((await t.call('GET', `/api/v1/returns/${id}`)).json().assignee).toBeNull();

    expect(await assigned(id)).toEqual([
      {
        actor: 'token:agent',
        data: { from: null, to: { id: ids.bea, name: 'Bea Warehouse' } },
      },
      {
        actor: 'user:aiko@example.com',
        data: { from: { id: ids.bea, name: 'Bea Warehouse' }, to: { id: ids.aiko, name: 'Aiko Agent' } },
      },
      { actor: 'token:finance', data: { from: { id: ids.aiko, name: 'Aiko Agent' }, to: null } },
    ]);
  });

  it('can still hand over a finished return', async () => {
    const id = await newReturn();
    expect((await t.call('POST', `/api/v1/returns/${id}/cancel`, {})).json().status).toBe('canceled');
    const res = await t.call('POST', `/api/v1/cases/${id}/assign`, { user_id: ids.aiko });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.call('GET', `/api/v1/returns/${id}`)).json()).toMatchObject({
      status: 'canceled',
      assignee: { id: ids.aiko },
    });
  });

  it('refuses the read-only role, strangers, unknown cases and "me" without a user', async () => {
    const id = await newReturn();
    const post = (body: object, role: 'owner' | 'read_only' = 'owner', caseId = id) =>
      t.call('POST', `/api/v1/cases/${caseId}/assign`, body, { role });

    const readOnly = await post({ user_id: ids.aiko }, 'read_only');
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().code).toBe('forbidden');

    const stranger = await post({ user_id: ids.otto });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'user_id' }] });

    const reader = await post({ user_id: ids.rita });
    expect(reader.statusCode).toBe(400);
    expect(reader.json().errors).toEqual([{ path: 'user_id', message: 'this user has the read_only role' }]);

    const unknown = await post({ user_id: ids.aiko }, 'owner', '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);

    const tokenMe = await post({ to: 'me' });
    expect(tokenMe.statusCode).toBe(400);
    expect(tokenMe.json()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'to' }] });
    expect(tokenMe.json().detail).toMatch(/"me" needs a signed-in staff user/);

    expect((await post({ user_id: ids.aiko, to: 'me' })).statusCode).toBe(400);
    expect((await post({})).statusCode).toBe(400);

    // Another store's user cannot reach this store's case at all.
    const otto = await signIn('otto@example.com');
    expect((await asUser(otto, 'POST', `/api/v1/cases/${id}/assign`, { to: 'me' })).statusCode).toBe(404);

    // Nothing above changed the owner or wrote an event.
    expect((await t.call('GET', `/api/v1/returns/${id}`)).json().assignee).toBeNull();
    expect(await assigned(id)).toEqual([]);
  });
});

describe('the queue by owner', () => {
  it('filters on assignee=me, none and a user id', async () => {
    const [mine, beas, nobodys] = [await newReturn(), await newReturn(), await newReturn()];
    const aiko = await signIn('aiko@example.com');
    await asUser(aiko, 'POST', `/api/v1/cases/${mine}/assign`, { to: 'me' });
    await t.call('POST', `/api/v1/cases/${beas}/assign`, { user_id: ids.bea });
    const list = async (query: string, s?: Session) => {
      const url = `/api/v1/returns?status=requested,approved&limit=200&${query}`;
      const res = s ? await asUser(s, 'GET', url) : await t.call('GET', url);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().data as { id: string; assignee: { id: string } | null }[]).filter((r) =>
        [mine, beas, nobodys].includes(r.id),
      );
    };

    expect((await list('assignee=me', aiko)).map((r) => r.id)).toEqual([mine]);
    expect((await list(`assignee=${ids.bea}`)).map((r) => [r.id, r.assignee?.id])).toEqual([[beas, ids.bea]]);
    const none = await list('assignee=none');
    expect(none.map((r) => r.id)).toEqual([nobodys]);
    expect(none[0]?.assignee).toBeNull();
    // Every return in the unassigned list has no owner, not only the three made here.
    const all = (await t.call('GET', '/api/v1/returns?assignee=none&limit=200')).json().data as {
      assignee: unknown;
    }[];
    expect(all.every((r) => r.assignee === null)).toBe(true);
    expect((await list('')).map((r) => r.id).sort()).toEqual([mine, beas, nobodys].sort());

    const tokenMe = await t.call('GET', '/api/v1/returns?assignee=me');
    expect(tokenMe.statusCode).toBe(400);
    expect(tokenMe.json().errors).toEqual([
      { path: 'query.assignee', message: 'name the user by id instead' },
    ]);
    expect((await t.call('GET', '/api/v1/returns?assignee=someone')).statusCode).toBe(400);
  });
});
