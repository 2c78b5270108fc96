// Paying out otherwise than the customer asked: an exchange whose item is gone becomes money back,
// a customer who agreed to store credit gets it with its bonus, and a return whose order's payments
// shrank after the decision can still be finished with store credit instead of waiting forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const products = await t.call('POST', '/api/v1/products', {
    products: ['M', 'L'].map((size) => ({
      sku: `JUMPER-${size}-BLUE`,
      product_group: 'JUMPER',
      title: 'Wool jumper',
      variant: `${size} / Blue`,
      price: 4999,
      currency: 'EUR',
    })),
  });
  expect(products.statusCode, products.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

type Resolution = Record<string, unknown>;

/** A return of one jumper, received and inspected: ready to be resolved. */
async function inspectedReturn(resolution: Resolution = { type: 'refund' }, order = makeOrder()) {
  const o = (await t.call('POST', '/api/v1/orders', order)).json();
  const created = await t.call('POST', '/api/v1/returns', {
    order_id: o.id,
    lines: [{ line_id: 'L1', quantity: 1, reason: 'size_too_small' }],
    resolution,
    method: 'drop_off',
  });
  expect(created.statusCode, created.body).toBe(201);
  const ret = created.json();
  await t.call('POST', `/api/v1/returns/${ret.id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
  const inspected = await t.call('POST', `/api/v1/returns/${ret.id}/inspect`, {
    lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }],
  });
  expect(inspected.json().status).toBe('inspected');
  return { order: o, ret };
}

const resolve = (id: string, body: Record<string, unknown>, key: string) =>
  t.call('POST', `/api/v1/returns/${id}/resolve`, body, {
    role: 'finance',
    headers: { 'idempotency-key': key },
  });

const events = async (id: string) =>
  (await t.call('GET', `/api/v1/returns/${id}/events`)).json().data as {
    type: string;
    actor: string;
    data: Record<string, unknown>;
  }[];

describe('resolve with another resolution', () => {
  it('refunds an exchange whose replacement cannot be sent, and records who changed it', async () => {
    const { ret } = await inspectedReturn({
      type: 'exchange',
      lines: [{ line_id: 'L1', sku: 'JUMPER-L-BLUE' }],
    });
    expect(ret.exchange).toMatchObject({ refund: 0, due_from_customer: 0 });
    const res = await resolve(ret.id, { resolution: { type: 'refund' } }, 'override-exchange');
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done.status).toBe('completed');
    expect(done.resolution.type).toBe('refund');
    // The whole unit's value goes back, not the exchange's zero difference.
    expect(done.refunds.map((r: { amount: number }) => r.amount)).toEqual([ret.refund.total]);
    const changed = (await events(ret.id)).find((e) => e.type === 'resolution_changed');
    expect(changed).toMatchObject({
      actor: 'token:finance',
      data: { from: 'exchange', to: 'refund' },
    });
  });

  it('grants store credit with its bonus instead of money back', async () => {
    const customer = {
      email: 'credit-only@example.de',
      name: 'Credit Only',
      phone: null,
      language: 'de',
      time_zone: 'Europe/Berlin',
      segments: [],
    };
    const { order, ret } = await inspectedReturn({ type: 'refund' }, makeOrder({ customer }));
    // Store credit instead of money back needs the customer's word; without it nothing changes.
    const unasked = await resolve(ret.id, { resolution: { type: 'store_credit' } }, 'override-credit-0');
    expect(unasked.statusCode).toBe(400);
    expect(unasked.json().errors[0].path).toBe('resolution.customer_agreed');
    expect((await t.call('GET', `/api/v1/returns/${ret.id}`)).json().status).toBe('inspected');
    const res = await resolve(
      ret.id,
      { resolution: { type: 'store_credit', customer_agreed: true } },
      'override-credit',
    );
    expect(res.statusCode, res.body).toBe(200);
    const changed = (await events(ret.id)).find((e) => e.type === 'resolution_changed');
    expect(changed?.data).toMatchObject({ from: 'refund', to: 'store_credit', customer_agreed: true });
    expect(res.json().refunds).toEqual([]);
    const total = ret.refund.total as number;
    const bonus = Math.round((total * 10) / 100); // the default policy's 10 %
    const credit = (await t.call('GET', `/api/v1/customers/${order.customer.id}/store-credit`)).json();
    expect(credit.balances).toEqual([{ currency: 'EUR', amount: total + bonus }]);
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(0);
  });

  it('writes no change when the team pays out as the customer asked', async () => {
    const { ret } = await inspectedReturn();
    const res = await resolve(ret.id, { resolution: { type: 'refund' } }, 'override-same');
    expect(res.statusCode, res.body).toBe(200);
    expect((await events(ret.id)).map((e) => e.type)).not.toContain('resolution_changed');
  });

  it('finishes with store credit a return whose order was paid less after the decision', async () => {
    const order = makeOrder();
    const { ret } = await inspectedReturn({ type: 'refund' }, order);
    const lowered = await t.call('POST', '/api/v1/orders', {
      ...order,
      payments: [{ provider: 'manual', reference: 'pay_123', amount: 1000 }],
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    const refused = await resolve(ret.id, {}, 'lowered-1');
    expect(refused.json().code).toBe('refund_exceeds_paid');
    expect((await t.call('GET', `/api/v1/returns/${ret.id}`)).json().status).toBe('inspected');
    const credited = await resolve(
      ret.id,
      { resolution: { type: 'store_credit', customer_agreed: true } },
      'lowered-2',
    );
    expect(credited.statusCode, credited.body).toBe(200);
    expect(credited.json().status).toBe('completed');
  });

  it('refuses another resolution for a keep-the-item return, an unknown one, and the wrong role', async () => {
    await t.call('PUT', '/api/v1/policy', { keep_item: { max_unit_value: 10000 } });
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const keep = (
      await t.call('POST', '/api/v1/returns', {
        order_id: o.id,
        lines: [{ line_id: 'L1', quantity: 1, reason: 'size_too_small' }],
        resolution: { type: 'keep_item' },
        method: 'none',
      })
    ).json();
    await t.call('PUT', '/api/v1/policy', {});
    expect(keep.status).toBe('approved');
    const refused = await resolve(
      keep.id,
      { resolution: { type: 'store_credit', customer_agreed: true } },
      'keep-1',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('invalid_request');
    expect((await t.call('GET', `/api/v1/returns/${keep.id}`)).json().status).toBe('approved');

    const { ret } = await inspectedReturn();
    const unknown = await resolve(ret.id, { resolution: { type: 'exchange' } }, 'bad-1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('resolution.type');
    const agent = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/resolve`,
      { resolution: { type: 'store_credit' } },
      { role: 'agent' },
    );
    expect(agent.statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/returns/${ret.id}`)).json().status).toBe('inspected');
  });
});
