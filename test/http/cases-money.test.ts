// Money never goes out beyond what was paid, whatever mix of returns, cancellations, lost parcels,
// goodwill and lost disputes hits one order: a property over random sequences of real requests.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // no ceiling on goodwill here: the cap on what was paid is what is under test
  await t.call('PUT', '/api/v1/policy', { cases: { goodwill: { max_by_role: { owner: null } } } });
});
afterAll(async () => {
  await t?.close();
});

type Op =
  | { op: 'return'; line: number }
  | { op: 'cancel'; line: number }
  | { op: 'lost' }
  | { op: 'goodwill'; amount: number }
  | { op: 'dispute_lost'; amount: number };

const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('return' as const), line: fc.integer({ min: 0, max: 1 }) }),
    fc.record({ op: fc.constant('cancel' as const), line: fc.integer({ min: 2, max: 2 }) }),
    fc.record({ op: fc.constant('lost' as const) }),
    fc.record({ op: fc.constant('goodwill' as const), amount: fc.integer({ min: 1, max: 9000 }) }),
    fc.record({ op: fc.constant('dispute_lost' as const), amount: fc.integer({ min: 1, max: 12000 }) }),
  ),
  { minLength: 1, maxLength: 7 },
);

const line = (id: string, sku: string, price: number) => ({
  id,
  sku,
  title: sku,
  variant: null,
  category: 'apparel',
  quantity: 1,
  unit_price: price,
  discount: 0,
  tax: Math.round(price * 0.19),
  flags: [],
  supplier: null,
  no_reason_return_waived: false,
});

async function run(sequence: Op[], n: number) {
  const body = makeOrder({
    lines: [line('L1', 'A', 3000), line('L2', 'B', 2000), line('L3', 'C', 1500)],
    discounts: [],
    payments: [{ provider: 'manual', reference: `p${n}`, amount: 3570 + 2380 + 1785 + 594 }],
    fulfillments: [
      {
        id: 'F1',
        lines: [{ line_id: 'L1', quantity: 1 }],
        carrier: 'DHL',
        tracking_number: `T${n}`,
        shipped_at: daysAgo(10),
        delivered_at: daysAgo(8),
      },
      {
        id: 'F2',
        lines: [{ line_id: 'L2', quantity: 1 }],
        carrier: 'Cainiao',
        tracking_number: `U${n}`,
        shipped_at: daysAgo(40),
        delivered_at: null,
      },
    ],
  });
  const order = (await t.call('POST', '/api/v1/orders', body)).json();
  const paid = order.totals.paid;
  let k = 0;
  const key = () => `m${n}-${k++}`;
  const inquiry = async () =>
    (
      await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: order.id, data: { subject: 'x' } })
    ).json().id;
  for (const s of sequence) {
    let res: { statusCode: number; json(): { code?: string } } | undefined;
    if (s.op === 'return') {
      const r = await t.call('POST', '/api/v1/returns', {
        order_id: order.id,
        lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
        resolution: { type: 'refund' },
        method: 'label',
      });
      if (r.statusCode === 201) {
        const id = r.json().id;
        if (r.json().status === 'requested') await t.call('POST', `/api/v1/returns/${id}/approve`, {});
        await t.call('POST', `/api/v1/returns/${id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
        await t.call('POST', `/api/v1/returns/${id}/inspect`, { lines: [{ line_id: 'L1', grade: 'A' }] });
        res = await t.call(
          'POST',
          `/api/v1/returns/${id}/resolve`,
          {},
          { headers: { 'idempotency-key': key() } },
        );
      }
    } else if (s.op === 'cancel') {
      res = await t.call('POST', '/api/v1/cases', {
        kind: 'cancellation',
        order_id: order.id,
        lines: [{ line_id: 'L3', quantity: 1 }],
      });
    } else if (s.op === 'lost') {
      const c = await t.call('POST', '/api/v1/cases', {
        kind: 'lost_parcel',
        order_id: order.id,
        data: { fulfillment_id: 'F2' },
      });
      if (c.statusCode === 201)
        res = await t.call(
          'POST',
          `/api/v1/cases/${c.json().id}/resolve`,
          { resolution: { type: 'refund' } },
          { headers: { 'idempotency-key': key() } },
        );
    } else if (s.op === 'goodwill') {
      res = await t.call(
        'POST',
        `/api/v1/cases/${await inquiry()}/resolve`,
        { resolution: { type: 'refund', amount: s.amount, goodwill: true, message: 'Sorry' } },
        { headers: { 'idempotency-key': key() } },
      );
    } else {
      const c = await t.call('POST', '/api/v1/cases', {
        kind: 'dispute',
        order_id: order.id,
        data: { provider: 'stripe', amount: s.amount, currency: 'EUR', reason: 'fraudulent' },
      });
      await t.call('POST', `/api/v1/cases/${c.json().id}/dispute`, { status: 'submitted' });
      res = await t.call('POST', `/api/v1/cases/${c.json().id}/dispute`, { status: 'lost' });
    }
    // a refusal is fine (over the cap, already shipped, already lost): a server error is not
    if (res) expect([200, 201, 409, 422]).toContain(res.statusCode);
    if (res && res.statusCode === 409)
      expect(['refund_exceeds_paid', 'already_shipped', 'conflict', 'illegal_transition']).toContain(
        res.json().code,
      );
    const now = (await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals;
    expect(now.refunded).toBeLessThanOrEqual(paid);
  }
  const rows = await t.database.db
    .selectFrom('refunds')
    .select(['amount'])
    .where('order_id', '=', order.id)
    .where('status', '<>', 'failed')
    .execute();
  const final = (await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals;
  expect(rows.reduce((s, r) => s + Number(r.amount), 0)).toBe(final.refunded);
}

describe('money across returns and cases', () => {
  it('never refunds more than was paid, and the order total matches its refunds', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        await run(sequence, n++);
      }),
      { numRuns: 12 },
    );
  });
});
