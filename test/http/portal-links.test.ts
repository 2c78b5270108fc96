// Portal links: every link must carry an expiry; a new lookup or the store revokes older links; the
// long-lived status link follows the order but cannot request, upload or withdraw.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_TOKEN_HOURS, signPortalToken } from '../../src/features/portal/portal-token.ts';
import { portalSecret } from '../../src/features/stores/stores.queries.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const DAY = 86_400_000;

let t: TestApp;
let address = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const lookup = (order_number: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/stores/test-store/lookup',
    payload: { order_number, email: 'anna@example.de' },
    remoteAddress: `10.88.0.${++address}`,
  });
const as = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { 'x-portal-token': token },
  });
const generationOf = async (orderId: string) =>
  (
    await t.database.db
      .selectFrom('orders')
      .select('portal_generation')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow()
  ).portal_generation;

describe('portal links', () => {
  it('refuses a correctly signed token without an expiry', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LINK-1' }))).json();
    const secret = (await portalSecret(t.database.db, t.store.id)) as string;
    const sign = (withExp: boolean) => {
      const jwt = new SignJWT({ store_id: t.store.id, email: 'anna@example.de', gen: 0, scope: 'full' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(order.id)
        .setIssuer('aftersale-portal')
        .setIssuedAt();
      return (withExp ? jwt.setExpirationTime('1h') : jwt).sign(new TextEncoder().encode(secret));
    };
    expect((await as(await sign(false), 'GET', '/api/v1/portal/order')).statusCode).toBe(401);
    expect((await as(await sign(true), 'GET', '/api/v1/portal/order')).statusCode).toBe(200);
  });

  it('answers a lookup with a 72-hour link and a 60-day status link, and revokes the older ones', async () => {
    await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LINK-2' }));
    const first = (await lookup('LINK-2')).json();
    expect(Date.parse(first.expires_at) - Date.now()).toBeGreaterThan((PORTAL_TOKEN_HOURS - 1) * 3_600_000);
    expect(Date.parse(first.status_expires_at) - Date.now()).toBeGreaterThan(59 * DAY);
    expect((await as(first.token, 'GET', '/api/v1/portal/order')).statusCode).toBe(200);
    expect((await as(first.status_token, 'GET', '/api/v1/portal/order')).statusCode).toBe(200);

    const second = (await lookup('LINK-2')).json();
    for (const old of [first.token, first.status_token]) {
      const res = await as(old, 'GET', '/api/v1/portal/order');
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(/newer/);
    }
    expect((await as(second.token, 'GET', '/api/v1/portal/order')).statusCode).toBe(200);
  });

  it('lets the store revoke every link of an order', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LINK-3' }))).json();
    const links = (await lookup('LINK-3')).json();
    const url = `/api/v1/orders/${order.id}/portal-links/revoke`;
    expect((await t.call('POST', url, {}, { role: 'read_only' })).statusCode).toBe(403);
    const res = await t.call('POST', url, {}, { role: 'agent' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ order_id: order.id, revoked: true });
    expect((await as(links.token, 'GET', '/api/v1/portal/order')).statusCode).toBe(401);
    expect((await as(links.status_token, 'GET', '/api/v1/portal/order')).statusCode).toBe(401);
    const events = await t.database.db
      .selectFrom('security_events')
      .select(['type', 'data'])
      .where('subject', '=', `order:${order.id}`)
      .execute();
    expect(events).toEqual([{ type: 'portal_links_revoked', data: { by: 'token:agent' } }]);
    expect((await lookup('LINK-3')).statusCode).toBe(200);
  });

  it('follows the return with the status link after the full link has expired, and nothing more', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LINK-4' }))).json();
    const links = (await lookup('LINK-4')).json();
    const ret = (
      await as(links.token, 'POST', '/api/v1/portal/returns', {
        lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
      })
    ).json();
    expect(ret.rma).toMatch(/^R-/);

    // Both kinds signed 10 days ago, as the lookup did then.
    const secret = (await portalSecret(t.database.db, t.store.id)) as string;
    const claims = {
      store_id: t.store.id,
      order_id: order.id,
      email: 'anna@example.de',
      generation: await generationOf(order.id),
    };
    const then = new Date(Date.now() - 10 * DAY);
    const oldFull = await signPortalToken({ ...claims, scope: 'full' }, secret, then);
    const oldStatus = await signPortalToken({ ...claims, scope: 'status' }, secret, then);
    expect((await as(oldFull.token, 'GET', '/api/v1/portal/order')).statusCode).toBe(401);

    const page = await as(oldStatus.token, 'GET', '/api/v1/portal/order');
    expect(page.statusCode).toBe(200);
    expect(page.json().returns.map((r: { id: string }) => r.id)).toEqual([ret.id]);
    const one = await as(oldStatus.token, 'GET', `/api/v1/portal/returns/${ret.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().rma).toBe(ret.rma);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'a.png');
    const refused = [
      await as(oldStatus.token, 'POST', '/api/v1/portal/returns', {
        lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
      }),
      await as(oldStatus.token, 'POST', '/api/v1/portal/eligibility', {}),
      await as(oldStatus.token, 'POST', '/api/v1/portal/withdrawal', {
        name: 'Anna',
        email: 'anna@example.de',
        confirm: true,
      }),
      await as(oldStatus.token, 'GET', '/api/v1/portal/variants?line_id=L1'),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/portal/returns/${ret.id}/evidence`,
        payload: form,
        headers: { 'x-portal-token': oldStatus.token },
      }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(refused[0]?.json().code).toBe('forbidden');
    const evidence = (await t.call('GET', `/api/v1/cases/${ret.id}/evidence`)).json().data;
    expect(evidence).toEqual([]);
  });

  it('expires the status link after 60 days', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'LINK-5' }))).json();
    await lookup('LINK-5');
    const secret = (await portalSecret(t.database.db, t.store.id)) as string;
    const stale = await signPortalToken(
      {
        store_id: t.store.id,
        order_id: order.id,
        email: 'anna@example.de',
        generation: await generationOf(order.id),
        scope: 'status',
      },
      secret,
      new Date(Date.now() - 61 * DAY),
    );
    expect((await as(stale.token, 'GET', '/api/v1/portal/order')).statusCode).toBe(401);
  });
});
