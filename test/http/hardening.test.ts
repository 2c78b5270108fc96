// Inputs that once reached the database unchecked: each must come back as a problem, never a 500,
// and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('refused before the database', () => {
  it('refuses duplicate fulfillment ids and absurd quantities', async () => {
    const base = makeOrder();
    const f = (base.fulfillments as object[])[0] as Record<string, unknown>;
    const dup = await t.call('POST', '/api/v1/orders', { ...base, fulfillments: [f, { ...f, lines: [] }] });
    expect(dup.statusCode).toBe(400);
    const huge = await t.call('POST', '/api/v1/orders', {
      ...base,
      lines: [{ ...(base.lines as object[])[0], quantity: 3_000_000_000 }],
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].path).toBe('lines.0.quantity');
  });

  it('answers a NUL character with a problem, not a 500', async () => {
    const res = await t.call('POST', '/api/v1/orders', makeOrder({ number: 'NUL\u0000-1' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_request');
  });

  it('refuses forged cursors', async () => {
    for (const forged of [{ offset: '-1' }, { offset: 'x' }, { placed_at: 'yesterday', id: 'not-a-uuid' }]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      const path = 'offset' in forged ? '/api/v1/returns' : '/api/v1/orders';
      const res = await t.call('GET', `${path}?cursor=${cursor}`);
      expect(res.statusCode, JSON.stringify(forged)).toBe(400);
    }
  });

  it('refuses a portal token whose store is not an id', async () => {
    const payload = Buffer.from(JSON.stringify({ store_id: "x' OR 1=1", sub: 'y', email: 'z' })).toString(
      'base64url',
    );
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portal/order',
      headers: { 'x-portal-token': `e30.${payload}.sig` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers 404 for the store credit of an unknown customer', async () => {
    expect(
      (await t.call('GET', '/api/v1/customers/00000000-0000-4000-8000-000000000000/store-credit')).statusCode,
    ).toBe(404);
  });

  it('never answers 500 when two creates of one order race', async () => {
    const body = makeOrder({ external_id: 'race-1' });
    const codes = (await Promise.all([1, 2, 3].map(() => t.call('POST', '/api/v1/orders', body)))).map(
      (r) => r.statusCode,
    );
    expect(codes.every((c) => [200, 201, 409].includes(c))).toBe(true);
    expect(codes).toContain(201);
    expect((await t.call('GET', '/api/v1/orders?external_id=race-1')).json().data).toHaveLength(1);
  });
});

describe('orders after returns', () => {
  it('keeps a line a rejected return names, and the currency once a return exists', async () => {
    const body = makeOrder({
      external_id: 'keep-1',
      customer: {
        email: 'flagged@example.de',
        name: 'F',
        phone: null,
        language: 'de',
        time_zone: 'Europe/Berlin',
        segments: ['flagged'],
      },
    });
    const o = (await t.call('POST', '/api/v1/orders', body)).json();
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: o.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    await t.call('POST', `/api/v1/returns/${ret.id}/reject`, { reason_code: 'other' });
    const drop = await t.call('POST', '/api/v1/orders', {
      ...body,
      lines: [{ ...(body.lines as object[])[0], id: 'L2' }],
      fulfillments: [],
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().code).toBe('order_conflict');
    const usd = await t.call('POST', '/api/v1/orders', { ...body, currency: 'USD' });
    expect(usd.statusCode).toBe(409);
    expect(usd.json().errors[0].path).toBe('currency');
  });

  it('keeps a tracking number given without a label, and finds the return by it', async () => {
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const ret = (
      await t.call('POST', '/api/v1/returns', {
        order_id: o.id,
        lines: [{ line_id: 'L1', quantity: 1 }],
        method: 'drop_off',
      })
    ).json();
    const shipped = await t.call('POST', `/api/v1/returns/${ret.id}/ship`, {
      carrier: 'DPD',
      tracking_number: 'DPD-42',
    });
    expect(shipped.json().label).toMatchObject({ carrier: 'DPD', tracking_number: 'DPD-42' });
    expect(
      (await t.call('GET', '/api/v1/returns?q=DPD-42')).json().data.map((r: { id: string }) => r.id),
    ).toEqual([ret.id]);
  });
});
