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

describe('orders', () => {
  it('creates (201), then replaces by external_id (200) with the same id', async () => {
    const body = makeOrder({ external_id: 'shop-1', number: '2001' });
    const first = await t.call('POST', '/api/v1/orders', body);
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json();
    expect(created.totals).toEqual({ total: 10612, paid: 10612, refunded: 0 });
    expect(created.customer.email).toBe('anna@example.de');
    expect(created.lines[0]).toMatchObject({
      id: 'L1',
      quantity: 2,
      unit_price: 4999,
      flags: ['final_sale'],
    });

    const again = await t.call('POST', '/api/v1/orders', { ...body, number: '2001-B' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(created.id);
    expect(again.json().number).toBe('2001-B');

    const got = await t.call('GET', `/api/v1/orders/${created.id}`, undefined, { role: 'read_only' });
    expect(got.statusCode).toBe(200);
    expect(got.json().fulfillments[0].delivered_at).toBe(
      body.fulfillments && (body.fulfillments as { delivered_at: string }[])[0]?.delivered_at,
    );
  });

  it('finds orders by number and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await t.call('POST', '/api/v1/orders', makeOrder({ number: 'DUP-7' }));
    const page1 = (await t.call('GET', '/api/v1/orders?number=DUP-7&limit=2')).json();
    expect(page1.data).toHaveLength(2);
    expect(page1.next_cursor).toBeTypeOf('string');
    const page2 = (
      await t.call('GET', `/api/v1/orders?number=DUP-7&limit=2&cursor=${page1.next_cursor}`)
    ).json();
    expect(page2.data).toHaveLength(1);
    expect(page2.next_cursor).toBeNull();
    const ids = new Set([...page1.data, ...page2.data].map((o: { id: string }) => o.id));
    expect(ids.size).toBe(3);
  });

  it('finds orders by customer email (any case) and by external id, newest first', async () => {
    const older = makeOrder({ external_id: 'find-1', number: 'F-1', placed_at: '2026-03-01T10:00:00Z' });
    const newer = makeOrder({ external_id: 'find-2', number: 'F-2', placed_at: '2026-03-02T10:00:00Z' });
    for (const o of [older, newer])
      await t.call('POST', '/api/v1/orders', {
        ...o,
        customer: { ...(o.customer as object), email: 'Finder@Example.de' },
      });
    const byEmail = (await t.call('GET', '/api/v1/orders?email=finder@example.DE')).json();
    expect(byEmail.data.map((o: { number: string }) => o.number)).toEqual(['F-2', 'F-1']);
    expect(byEmail.data[0].customer.email).toBe('finder@example.de');
    const both = (await t.call('GET', '/api/v1/orders?email=finder@example.de&external_id=find-1')).json();
    expect(both.data.map((o: { number: string }) => o.number)).toEqual(['F-1']);
    expect((await t.call('GET', '/api/v1/orders?email=nobody@example.de')).json().data).toEqual([]);
  });

  it('refuses unknown fields, naming the path, and stores nothing', async () => {
    const res = await t.call('POST', '/api/v1/orders', {
      ...makeOrder({ external_id: 'bad-1', number: 'BAD-1' }),
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('invalid_request');
    expect(body.errors).toEqual([{ path: 'colour', message: 'unknown field "colour"' }]);
    expect((await t.call('GET', '/api/v1/orders?number=BAD-1')).json().data).toEqual([]);
  });

  it.each([
    [
      'a float amount',
      (o: Record<string, unknown>) => ({ ...o, shipping: { amount: 4.99, tax: 0 } }),
      'shipping.amount',
    ],
    [
      'a fulfillment of an unknown line',
      (o: Record<string, unknown>) => ({
        ...o,
        fulfillments: [{ id: 'F', lines: [{ line_id: 'NOPE', quantity: 1 }] }],
      }),
      'fulfillments.0.lines.0.line_id',
    ],
    [
      'duplicate line ids',
      (o: Record<string, unknown>) => ({ ...o, lines: [...(o.lines as object[]), ...(o.lines as object[])] }),
      'lines.1.id',
    ],
    [
      'a bad time zone',
      (o: Record<string, unknown>) => ({
        ...o,
        customer: { ...(o.customer as object), time_zone: 'Mars/Olympus' },
      }),
      'customer.time_zone',
    ],
    ['a lowercase currency', (o: Record<string, unknown>) => ({ ...o, currency: 'eur' }), 'currency'],
  ])('refuses %s', async (_name, mutate, path) => {
    const res = await t.call('POST', '/api/v1/orders', mutate(makeOrder()));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses malformed JSON as a problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      payload: '{"number": ',
      headers: { authorization: `Bearer ${t.tokens.owner}`, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_request');
  });

  it('answers 404 for an unknown order and 400 for a malformed id', async () => {
    const missing = await t.call('GET', '/api/v1/orders/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    expect((await t.call('GET', '/api/v1/orders/not-a-uuid')).json().code).toBe('invalid_request');
  });

  it('refuses to drop a line that a return holds', async () => {
    const body = makeOrder({ external_id: 'held-1' });
    const order = (await t.call('POST', '/api/v1/orders', body)).json();
    const ret = await t.call('POST', '/api/v1/returns', {
      order_id: order.id,
      lines: [{ line_id: 'L1', quantity: 1 }],
    });
    expect(ret.statusCode, ret.body).toBe(201);
    const shrink = await t.call('POST', '/api/v1/orders', {
      ...body,
      lines: [{ ...(body.lines as object[])[0], id: 'L9' }],
      fulfillments: [],
    });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().code).toBe('order_conflict');
    expect(
      (await t.call('GET', `/api/v1/orders/${order.id}`)).json().lines.map((l: { id: string }) => l.id),
    ).toEqual(['L1']);
  });
});
