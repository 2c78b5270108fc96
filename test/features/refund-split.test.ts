import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRefund } from '../../src/features/refunds/issue-refund.ts';
import {
  type PaymentProvider,
  providerRegistry,
  type RefundRequest,
} from '../../src/integrations/payments/provider.ts';
import { jobHandlers } from '../../src/jobs/handlers.ts';
import { type JobHandlers, runDueJobs } from '../../src/jobs/queue.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

/** The refund job alone: these tests count what it runs (the customer's mail has its own tests). */
const refundJobs = (...args: Parameters<typeof jobHandlers>): JobHandlers => ({
  'refunds.execute': jobHandlers(...args)['refunds.execute'] as JobHandlers[string],
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const line = (id: string, unit_price: number) => ({
  id,
  sku: `SKU-${id}`,
  title: `Item ${id}`,
  variant: null,
  category: 'apparel',
  quantity: 1,
  unit_price,
  discount: 0,
  tax: 0,
  flags: [],
  supplier: null,
  no_reason_return_waived: false,
});

/** 100.00 of goods, no shipping: 60.00 paid by card, then 40.00 by gift card. */
async function splitPaidOrder() {
  const res = await t.call(
    'POST',
    '/api/v1/orders',
    makeOrder({
      lines: [line('L1', 7000), line('L2', 3000)],
      discounts: [],
      shipping: { amount: 0, tax: 0 },
      payments: [
        { provider: 'card', reference: 'ch_card', amount: 6000 },
        { provider: 'giftcard', reference: 'gc_1', amount: 4000 },
      ],
      fulfillments: [
        {
          id: 'F1',
          lines: [
            { line_id: 'L1', quantity: 1 },
            { line_id: 'L2', quantity: 1 },
          ],
          carrier: 'DHL',
          tracking_number: 'JD1',
          shipped_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
          delivered_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        },
      ],
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function resolvedReturn(orderId: string, lineIds: string[]) {
  const lines = lineIds.map((line_id) => ({ line_id, quantity: 1 }));
  const ret = await t.call('POST', '/api/v1/returns', { order_id: orderId, lines, method: 'drop_off' });
  expect(ret.statusCode, ret.body).toBe(201);
  const id = ret.json().id;
  await t.call('POST', `/api/v1/returns/${id}/receive`, { lines });
  await t.call('POST', `/api/v1/returns/${id}/inspect`, {
    lines: lineIds.map((line_id) => ({ line_id, grade: 'A', disposition: 'restock' })),
  });
  const done = await t.call('POST', `/api/v1/returns/${id}/resolve`, {});
  expect(done.statusCode, done.body).toBe(200);
  return done.json();
}

type RefundView = { id: string; amount: number; currency: string; provider: string; status: string };
// Refunds written together share their created_at, so the view's order among them is not fixed.
const cardFirst = (refunds: RefundView[]) =>
  [...refunds].sort((a, b) => a.provider.localeCompare(b.provider));

/** What went back to each payment of the order, by position. */
async function refundedPerPayment(orderId: string) {
  const rows = await t.database.db
    .selectFrom('refunds')
    .select(['payment_position', 'amount', 'status', 'idempotency_key'])
    .where('order_id', '=', orderId)
    .where('status', '!=', 'failed')
    .execute();
  const out: Record<number, number> = {};
  for (const r of rows) out[r.payment_position ?? -1] = (out[r.payment_position ?? -1] ?? 0) + r.amount;
  return out;
}

/** Providers that answer as told and remember what they were asked. */
function recordingProviders(answer: (req: RefundRequest, code: string) => 'succeeded' | 'failed') {
  const calls: (RefundRequest & { provider: string })[] = [];
  const make = (code: string): PaymentProvider => ({
    code,
    async refund(req) {
      calls.push({ ...req, provider: code });
      const status = answer(req, code);
      return { status, reference: status === 'succeeded' ? `re_${code}_${calls.length}` : null };
    },
  });
  return { calls, handlers: refundJobs(providerRegistry([make('card'), make('giftcard')])) };
}

describe('a refund over several payments', () => {
  it('sends a full return back as 60.00 to the card and 40.00 to the gift card', async () => {
    const o = await splitPaidOrder();
    const done = await resolvedReturn(o.id, ['L1', 'L2']);
    expect(done.refund.total).toBe(10000);
    expect(cardFirst(done.refunds)).toEqual([
      expect.objectContaining({ amount: 6000, currency: 'EUR', provider: 'card', status: 'pending' }),
      expect.objectContaining({ amount: 4000, currency: 'EUR', provider: 'giftcard', status: 'pending' }),
    ]);
    expect(Object.keys(done.refunds[0]).sort()).toEqual([
      'amount',
      'currency',
      'id',
      'provider',
      'reference',
      'status',
    ]);
    expect((await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded).toBe(10000);
    expect(await refundedPerPayment(o.id)).toEqual({ 0: 6000, 1: 4000 });

    const { calls, handlers } = recordingProviders(() => 'succeeded');
    expect(await runDueJobs(t.database.db, handlers)).toBe(2);
    expect(calls.map((c) => [c.provider, c.amount, c.payment_reference]).sort()).toEqual([
      ['card', 6000, 'ch_card'],
      ['giftcard', 4000, 'gc_1'],
    ]);
    const after = (await t.call('GET', `/api/v1/returns/${done.id}`)).json();
    expect(after.refunds.map((r: RefundView) => r.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('continues a second return where the first one stopped', async () => {
    const o = await splitPaidOrder();
    const first = await resolvedReturn(o.id, ['L1']);
    expect(cardFirst(first.refunds).map((r) => [r.provider, r.amount])).toEqual([
      ['card', 6000],
      ['giftcard', 1000],
    ]);
    const second = await resolvedReturn(o.id, ['L2']);
    expect(second.refunds.map((r: RefundView) => [r.provider, r.amount])).toEqual([['giftcard', 3000]]);
    expect(await refundedPerPayment(o.id)).toEqual({ 0: 6000, 1: 4000 });
    expect((await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded).toBe(10000);
  });

  it('answers a replay with the first set, per payment, and refuses more than was paid', async () => {
    const o = await splitPaidOrder();
    const done = await resolvedReturn(o.id, ['L1']);
    const issue = (key: string, amount: number) =>
      t.database.db.transaction().execute((trx) =>
        issueRefund(trx, {
          storeId: t.store.id,
          orderId: o.id,
          caseId: done.id,
          amount,
          idempotencyKey: key,
          breakdown: { total: amount },
        }),
      );
    const again = await issue(`return:${done.id}:resolve`, 7000);
    expect([...again].sort()).toEqual(done.refunds.map((r: RefundView) => r.id).sort());
    const keys = await t.database.db
      .selectFrom('refunds')
      .select('idempotency_key')
      .where('order_id', '=', o.id)
      .orderBy('payment_position')
      .execute();
    expect(keys.map((k) => k.idempotency_key)).toEqual([
      `return:${done.id}:resolve:payment:0`,
      `return:${done.id}:resolve:payment:1`,
    ]);
    // 30.00 is left, all of it on the gift card.
    await expect(issue('other', 3001)).rejects.toMatchObject({ code: 'refund_exceeds_paid' });
    expect(await issue('other', 3000)).toHaveLength(1);
    expect(await refundedPerPayment(o.id)).toEqual({ 0: 6000, 1: 4000 });
  });

  it('refuses an order update that moves, swaps or shrinks a payment with refunds', async () => {
    const order = await splitPaidOrder();
    await resolvedReturn(order.id, ['L1']); // 70.00: 60.00 to the card, 10.00 to the gift card
    const stored = (await t.call('GET', `/api/v1/orders/${order.id}`)).json();
    const card = { provider: 'card', reference: 'ch_card', amount: 6000 };
    const gift = { provider: 'giftcard', reference: 'gc_1', amount: 4000 };
    const resend = (payments: unknown[]) =>
      t.call('POST', '/api/v1/orders', { ...makeOrder(), ...orderInput(stored), payments });

    const swapped = await resend([gift, card]);
    expect(swapped.statusCode).toBe(409);
    expect(swapped.json()).toMatchObject({ code: 'order_conflict', errors: [{ path: 'payments.0' }] });
    // The order's total still covers what was refunded, but the gift card took 10.00 back.
    const shrunk = await resend([
      card,
      { ...gift, amount: 900 },
      { provider: 'cash', reference: 'c1', amount: 3100 },
    ]);
    expect(shrunk.json().errors).toEqual([{ path: 'payments.1', message: 'has refunds' }]);
    expect(await refundedPerPayment(order.id)).toEqual({ 0: 6000, 1: 1000 });

    // Keeping both in place, with a third payment added, is fine.
    const added = await resend([card, gift, { provider: 'card', reference: 'ch_tip', amount: 500 }]);
    expect(added.statusCode, added.body).toBe(200);
  });

  it('sends a refused card refund again only while the card can still take it', async () => {
    const o = await splitPaidOrder();
    const first = await resolvedReturn(o.id, ['L1']);
    const { handlers } = recordingProviders((_, code) => (code === 'card' ? 'failed' : 'succeeded'));
    await runDueJobs(t.database.db, handlers);
    const sent = (await t.call('GET', `/api/v1/returns/${first.id}`)).json();
    expect(cardFirst(sent.refunds).map((r) => r.status)).toEqual(['failed', 'succeeded']);
    expect(await refundedPerPayment(o.id)).toEqual({ 1: 1000 });
    // The refused 60.00 freed the card, so the next return goes back to it first.
    const second = await resolvedReturn(o.id, ['L2']);
    expect(second.refunds.map((r: RefundView) => [r.provider, r.amount])).toEqual([['card', 3000]]);
    const card = cardFirst(first.refunds)[0] as RefundView;
    const retried = await t.call('POST', `/api/v1/refunds/${card.id}/retry`, {}, { role: 'finance' });
    expect(retried.statusCode, retried.body).toBe(409);
    expect(retried.json()).toMatchObject({ code: 'refund_exceeds_paid' });
    expect(await refundedPerPayment(o.id)).toEqual({ 0: 3000, 1: 1000 });

    // Paid another way (a bank transfer), finance records it and the order counts it refunded again.
    const refunded = async () => (await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded;
    expect(await refunded()).toBe(4000);
    const confirm = () =>
      t.call('POST', `/api/v1/refunds/${card.id}/confirm`, { reference: 'SEPA-77' }, { role: 'finance' });
    const byHand = await confirm();
    expect(byHand.statusCode, byHand.body).toBe(200);
    expect(byHand.json()).toMatchObject({ status: 'succeeded', provider_reference: 'SEPA-77' });
    expect(await refunded()).toBe(10000);
    expect((await confirm()).statusCode).toBe(409);
    expect(await refunded()).toBe(10000);
  });
});

/** The stored order as input again (same external id, lines, fulfillments), to re-send it changed. */
function orderInput(stored: Record<string, unknown>) {
  const { external_id, number, lines, fulfillments, shipping, discounts } = stored as Record<string, unknown>;
  return { external_id, number, lines, fulfillments, shipping, discounts };
}
