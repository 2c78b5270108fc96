// Administration: list and revoke API tokens, read the token's store, create a store with an owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreWithOwner } from '../../src/features/stores/create-store-cli.ts';
import { createTestApp, type TestApp } from '../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('API tokens', () => {
  it('lists the store tokens without secrets, and revokes one so it stops working at once', async () => {
    const created = (await t.call('POST', '/api/v1/tokens', { name: 'ci-job', role: 'agent' })).json();
    const list = await t.call('GET', '/api/v1/tokens');
    expect(list.statusCode).toBe(200);
    const mine = list.json().data.find((x: { id: string }) => x.id === created.id);
    expect(mine).toEqual({
      id: created.id,
      name: 'ci-job',
      role: 'agent',
      created_at: expect.any(String),
      revoked_at: null,
    });
    expect(JSON.stringify(list.json())).not.toContain(created.token);
    expect((await t.call('GET', '/api/v1/returns', undefined, { token: created.token })).statusCode).toBe(
      200,
    );

    expect((await t.call('GET', '/api/v1/tokens', undefined, { role: 'agent' })).statusCode).toBe(403);
    expect(
      (await t.call('POST', `/api/v1/tokens/${created.id}/revoke`, {}, { role: 'agent' })).statusCode,
    ).toBe(403);
    const revoked = await t.call('POST', `/api/v1/tokens/${created.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(Date.parse(revoked.json().revoked_at)).toBeGreaterThan(Date.now() - 60_000);
    const used = await t.call('GET', '/api/v1/returns', undefined, { token: created.token });
    expect(used.statusCode).toBe(401);
    const again = await t.call('POST', `/api/v1/tokens/${created.id}/revoke`, {});
    expect(again.json().revoked_at).toBe(revoked.json().revoked_at);
    expect(
      (await t.call('POST', '/api/v1/tokens/00000000-0000-4000-8000-000000000000/revoke', {})).statusCode,
    ).toBe(404);
  });
});

describe('stores', () => {
  it("answers the token's own store", async () => {
    const res = await t.call('GET', '/api/v1/store', undefined, { role: 'read_only' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: t.store.id,
      slug: 'test-store',
      name: 'Test Store',
      currency: 'EUR',
      time_zone: 'Europe/Berlin',
      languages: ['en', 'de'],
      return_address: expect.objectContaining({ city: 'Hamburg', country: 'DE' }),
    });
  });

  it('creates a store with an owner token that sees only that store', async () => {
    const created = await t.database.db.transaction().execute((trx) =>
      createStoreWithOwner(trx, {
        slug: 'tokyo',
        name: 'Tokyo Shop',
        currency: 'JPY',
        time_zone: 'Asia/Tokyo',
      }),
    );
    const mine = await t.call('GET', '/api/v1/store', undefined, { token: created.token });
    expect(mine.json()).toMatchObject({
      id: created.id,
      slug: 'tokyo',
      currency: 'JPY',
      time_zone: 'Asia/Tokyo',
    });
    const policy = await t.call('GET', '/api/v1/policy', undefined, { token: created.token });
    expect(policy.json().version).toBe(1);
    const tokens = (await t.call('GET', '/api/v1/tokens', undefined, { token: created.token })).json().data;
    expect(tokens.map((x: { role: string }) => x.role)).toEqual(['owner']);
    const theirs = (await t.call('GET', '/api/v1/tokens')).json().data.map((x: { id: string }) => x.id);
    expect(theirs).not.toContain(tokens[0].id);

    await expect(
      t.database.db
        .transaction()
        .execute((trx) => createStoreWithOwner(trx, { slug: 'tokyo', name: 'Again' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      t.database.db
        .transaction()
        .execute((trx) => createStoreWithOwner(trx, { slug: 'Bad Slug', name: 'X', time_zone: 'Mars/Base' })),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
