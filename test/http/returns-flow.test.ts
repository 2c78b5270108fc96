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

async function newOrder(over: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/orders', makeOrder(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

async function newReturn(orderId: string, body: Record<string, unknown> = {}, key?: string) {
  const res = await t.call(
    'POST',
    '/api/v1/returns',
    {
      order_id: orderId,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
      resolution: { type: 'refund' },
      method: 'label',
      ...body,
    },
    key ? { headers: { 'idempotency-key': key } } : {},
  );
  return res;
}

describe('a return through the warehouse path', () => {
  it('goes approved -> label -> in_transit -> received -> inspected -> completed with one refund', async () => {
    const order = await newOrder();
    const created = await newReturn(order.id, {}, 'ret-1');
    expect(created.statusCode, created.body).toBe(201);
    const ret = created.json();
    expect(ret.status).toBe('approved');
    expect(ret.rma).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(ret.refund).toEqual({ items: 4249, tax: 760, shipping: 0, fees: 595, total: 4414 });
    expect(ret.lines[0]).toMatchObject({
      line_id: 'L1',
      quantity: 1,
      eligible: true,
      path: 'change_of_mind',
    });

    const again = await newReturn(order.id, {}, 'ret-1');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(ret.id);

    const label = await t.call('POST', `/api/v1/returns/${ret.id}/label`, {}, { role: 'warehouse' });
    expect(label.statusCode, label.body).toBe(200);
    expect(label.json().label.carrier).toBe('offline');
    const pdf = await t.call('GET', `/api/v1/returns/${ret.id}/label.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const shipped = await t.call('POST', `/api/v1/returns/${ret.id}/ship`, { tracking_number: 'RT123' });
    expect(shipped.json().status).toBe('in_transit');
    const received = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/receive`,
      { lines: [{ line_id: 'L1', quantity: 1 }] },
      { role: 'warehouse' },
    );
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().status).toBe('received');
    const inspected = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/inspect`,
      {
        lines: [
          {
            line_id: 'L1',
            grade: 'B',
            checklist: { tags_attached: true },
            disposition: 'restock',
            deduction: { amount: 414, reason: 'worn once' },
          },
        ],
      },
      { role: 'warehouse' },
    );
    expect(inspected.statusCode, inspected.body).toBe(200);
    expect(inspected.json().lines[0].inspection).toEqual({
      grade: 'B',
      checklist: { tags_attached: true },
      disposition: 'restock',
      deduction: { amount: 414, reason: 'worn once' },
    });

    const resolved = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/resolve`,
      {},
      { role: 'finance', headers: { 'idempotency-key': 'res-1' } },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    const done = resolved.json();
    expect(done.status).toBe('completed');
    expect(done.refunds).toHaveLength(1);
    expect(done.refunds[0]).toMatchObject({
      amount: 4000,
      currency: 'EUR',
      provider: 'manual',
      status: 'pending',
    });

    const replay = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/resolve`,
      {},
      { role: 'finance', headers: { 'idempotency-key': 'res-1' } },
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.json().refunds).toEqual(done.refunds);
    const second = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/resolve`,
      {},
      { role: 'finance', headers: { 'idempotency-key': 'res-2' } },
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('illegal_transition');

    const refundJobsDone = async () =>
      (
        await t.database.db
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', 'refunds.execute')
          .where('done_at', 'is not', null)
          .execute()
      ).length;
    const before = await refundJobsDone();
    await t.runJobs();
    // one refund job ran (beside it, the customer's mail)
    expect((await refundJobsDone()) - before).toBe(1);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0].status).toBe('requires_action');
    const orderAfter = (await t.call('GET', `/api/v1/orders/${order.id}`)).json();
    expect(orderAfter.totals).toEqual({ total: 10612, paid: 10612, refunded: 4000 });

    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`))
      .json()
      .data.map((e: { type: string }) => e.type);
    expect(events).toEqual([
      'requested',
      'approved',
      'label_issued',
      'shipped',
      'received',
      'inspected',
      // a restocked unit is due on a shelf (the inventory webhook's event)
      'stock_put_away_due',
      'resolved',
      'settled',
      'refund_requires_action',
    ]);
  });
});
