// The portal's cases other than returns: a customer cancels, reports a lost parcel or a damaged item
// with a photo and answers an offer, only on the order of their own token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

let address = 0;
let orderNo = 0;
const as = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { 'x-portal-token': token, ...(key ? { 'idempotency-key': key } : {}) },
  });

async function portalFor(over: Record<string, unknown>) {
  const res = await t.call('POST', '/api/v1/orders', makeOrder({ number: `PC-${++orderNo}`, ...over }));
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json();
  const found = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/stores/test-store/lookup',
    payload: { order_number: order.number, email: order.customer.email },
    remoteAddress: `127.0.2.${++address}`,
  });
  expect(found.statusCode, found.body).toBe(200);
  return { order, token: found.json().token as string };
}

const inTransit = (days: number) => ({
  fulfillments: [
    {
      id: 'F1',
      lines: [{ line_id: 'L1', quantity: 2 }],
      carrier: 'YunExpress',
      tracking_number: 'YT2400000000001',
      shipped_at: daysAgo(days),
      delivered_at: null,
    },
  ],
});

describe('portal cases', () => {
  it('cancels an unshipped order: refunded at once, listed with the options', async () => {
    const { token } = await portalFor({ fulfillments: [] });
    const before = (await as(token, 'GET', '/api/v1/portal/cases')).json();
    expect(before).toMatchObject({ address_changeable: true, cases: [] });
    expect(before.cancellable).toEqual([{ line_id: 'L1', quantity: 2 }]);
    const res = await as(
      token,
      'POST',
      '/api/v1/portal/cases',
      { kind: 'cancellation', data: { reason: 'ordered twice' } },
      'pc-1',
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ kind: 'cancellation', status: 'resolved', resolution: { type: 'refund' } });
    expect(c.refunds[0].amount).toBe(10612);
    expect(c).not.toHaveProperty('assignee_user_id');
    expect(c.timeline.map((e: { type: string }) => e.type)).toEqual(['opened', 'resolved']);
    const after = (await as(token, 'GET', '/api/v1/portal/cases')).json();
    expect(after.cases).toEqual([expect.objectContaining({ id: c.id, kind: 'cancellation' })]);
    expect(after.cancellable).toEqual([]);
  });

  it('changes the address of an unshipped order', async () => {
    const { order, token } = await portalFor({ fulfillments: [] });
    const address = {
      name: 'Anna Schmidt',
      line1: 'Neue Straße 5',
      line2: null,
      city: 'Hamburg',
      region: null,
      postal_code: '20095',
      country: 'DE',
    };
    const res = await as(
      token,
      'POST',
      '/api/v1/portal/cases',
      { kind: 'address_change', data: { shipping_address: address } },
      'pc-addr',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'address_change', status: 'resolved' });
    expect(res.json().resolution.type).toBe('update_address');
    const after = (await t.call('GET', `/api/v1/orders/${order.id}`)).json();
    expect(after.shipping_address).toMatchObject({ line1: 'Neue Straße 5', city: 'Hamburg' });
  });

  it('refuses without a portal token, and a dispute from a customer', async () => {
    const { token } = await portalFor({ fulfillments: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal/cases' })).statusCode).toBe(401);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/cases',
      payload: { kind: 'cancellation', data: {} },
    });
    expect(post.statusCode).toBe(401);
    const dispute = await as(token, 'POST', '/api/v1/portal/cases', {
      kind: 'dispute',
      data: { provider: 'stripe', amount: 100, currency: 'EUR', reason: 'fraudulent' },
    });
    expect(dispute.statusCode).toBe(400);
  });

  it("answers 404 for another order's case, even with a valid token", async () => {
    const mine = await portalFor({ fulfillments: [] });
    const theirs = await portalFor({ fulfillments: [] });
    const c = (
      await as(theirs.token, 'POST', '/api/v1/portal/cases', { kind: 'cancellation', data: {} }, 'pc-2')
    ).json();
    expect((await as(theirs.token, 'GET', `/api/v1/portal/cases/${c.id}`)).statusCode).toBe(200);
    const other = await as(mine.token, 'GET', `/api/v1/portal/cases/${c.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    expect((await as(mine.token, 'POST', `/api/v1/portal/cases/${c.id}/accept`, {})).statusCode).toBe(404);
  });

  it('refuses to cancel or re-address a shipped order with 409 already_shipped', async () => {
    const { token } = await portalFor(inTransit(3));
    const options = (await as(token, 'GET', '/api/v1/portal/cases')).json();
    expect(options).toMatchObject({ address_changeable: false, cancellable: [] });
    expect(options.fulfillments[0]).toMatchObject({ id: 'F1', state: 'in_transit', can_report_lost: false });
    const cancel = await as(token, 'POST', '/api/v1/portal/cases', { kind: 'cancellation', data: {} });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json()).toMatchObject({ code: 'already_shipped', offer_return_after_delivery: true });
    // too early to call the parcel lost
    const lost = await as(token, 'POST', '/api/v1/portal/cases', {
      kind: 'lost_parcel',
      data: { fulfillment_id: 'F1' },
    });
    expect(lost.statusCode).toBe(422);
    expect(lost.json().code).toBe('not_eligible');
  });

  it('reports a parcel lost past the threshold', async () => {
    const { token } = await portalFor(inTransit(60));
    const options = (await as(token, 'GET', '/api/v1/portal/cases')).json();
    expect(options.fulfillments[0].can_report_lost).toBe(true);
    const res = await as(
      token,
      'POST',
      '/api/v1/portal/cases',
      { kind: 'lost_parcel', data: { fulfillment_id: 'F1' } },
      'pc-lost',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'lost_parcel', data: { fulfillment_id: 'F1' } });
    const again = (await as(token, 'GET', '/api/v1/portal/cases')).json();
    expect(again.fulfillments[0].can_report_lost).toBe(false);
  });

  it('reports a parcel late only once it is late (14 days to Germany)', async () => {
    const early = await portalFor(inTransit(5));
    const refused = await as(
      early.token,
      'POST',
      '/api/v1/portal/cases',
      { kind: 'delivery_delay', data: { fulfillment_id: 'F1' } },
      'pc-late-1',
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not_eligible');
    const late = await portalFor(inTransit(16));
    const ok = await as(
      late.token,
      'POST',
      '/api/v1/portal/cases',
      { kind: 'delivery_delay', data: { fulfillment_id: 'F1' } },
      'pc-late-2',
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('reports a damaged item with a photo and accepts the partial refund offered', async () => {
    const { order, token } = await portalFor({});
    const c = (
      await as(
        token,
        'POST',
        '/api/v1/portal/cases',
        {
          kind: 'item_problem',
          lines: [{ line_id: 'L1', quantity: 1 }],
          data: { reason: 'damaged_in_transit', note: 'The sleeve is torn' },
        },
        'pc-item',
      )
    ).json();
    expect(c).toMatchObject({ kind: 'item_problem', status: 'open', offer: null, can_answer_offer: false });
    const form = new FormData();
    form.append('line_id', 'L1');
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'torn.png');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/cases/${c.id}/evidence`,
      payload: form,
      headers: { 'x-portal-token': token },
    });
    expect(up.statusCode, up.body).toBe(201);
    const offered = await t.call(
      'POST',
      `/api/v1/cases/${c.id}/offer`,
      { resolution: { type: 'refund', amount: 1500 }, message: 'We are sorry' },
      { role: 'agent' },
    );
    expect(offered.statusCode, offered.body).toBe(200);
    const seen = (await as(token, 'GET', `/api/v1/portal/cases/${c.id}`)).json();
    expect(seen).toMatchObject({
      status: 'waiting_customer',
      offer: { type: 'refund', amount: 1500, message: 'We are sorry' },
      can_answer_offer: true,
    });
    const accepted = await as(token, 'POST', `/api/v1/portal/cases/${c.id}/accept`, {}, 'acc-1');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'resolved',
      resolution: { type: 'refund', amount: 1500 },
      offer: null,
    });
    const replay = await as(token, 'POST', `/api/v1/portal/cases/${c.id}/accept`, {}, 'acc-1');
    expect(replay.statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(1500);
  });

  it('declines an offer: the case goes back to the team', async () => {
    const { token } = await portalFor({});
    const c = (
      await as(token, 'POST', '/api/v1/portal/cases', {
        kind: 'item_problem',
        lines: [{ line_id: 'L1', quantity: 1 }],
        data: { reason: 'wrong_item' },
      })
    ).json();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'wrong.png');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/cases/${c.id}/evidence`,
      payload: form,
      headers: { 'x-portal-token': token },
    });
    await t.call(
      'POST',
      `/api/v1/cases/${c.id}/offer`,
      { resolution: { type: 'refund', amount: 1000 }, message: '' },
      { role: 'agent' },
    );
    const declined = await as(token, 'POST', `/api/v1/portal/cases/${c.id}/decline`, {
      message: 'I would rather have the right item',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'open', offer: null });
  });
});
