// Tracking news: milestones posted by a store without a carrier account, and EasyPost's tracker
// webhook, move the parcel on and tell the customer what matters, at their daytime, in their words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A zone where it is now 03:00 (or the hour given). */
function zoneAt(localHour: number) {
  const offset = ((localHour - new Date().getUTCHours() + 36) % 24) - 12;
  return { offset, zone: offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}` };
}

async function parcelOrder(timeZone: string | null, language = 'de') {
  const base = makeOrder();
  const res = await t.call('POST', '/api/v1/orders', {
    ...base,
    customer: { ...(base.customer as object), time_zone: timeZone, language },
    fulfillments: [
      {
        id: 'F1',
        lines: [{ line_id: 'L1', quantity: 2 }],
        carrier: 'Cainiao',
        tracking_number: `LP${Math.random().toString().slice(2, 14)}CN`,
        shipped_at: daysAgo(6),
        delivered_at: null,
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

const post = (orderId: string, events: unknown[]) =>
  t.call('POST', `/api/v1/orders/${orderId}/fulfillments/F1/tracking`, { events });

async function outbox(orderId: string) {
  const res = await t.call('GET', '/api/v1/messages?direction=out&limit=200');
  return (res.json().data as Record<string, unknown>[]).filter((m) => m.order_id === orderId);
}

describe('tracking news', () => {
  it('holds a milestone that arrives at 03:00 customer time until their morning', async () => {
    const { zone, offset } = zoneAt(3);
    const order = await parcelOrder(zone);
    const res = await post(order.id, [
      { milestone: 'picked_up', at: daysAgo(5) },
      { milestone: 'left_origin', at: daysAgo(4), location_country: 'CN' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ milestone: 'left_origin', added: 2, notified: 'left_origin' });
    const [m] = await outbox(order.id);
    expect(m).toMatchObject({ status: 'held', template: 'tracking_update', case_id: null });
    expect(new Date(m?.send_after as string).getUTCHours()).toBe((8 - offset + 24) % 24);
    expect(Date.parse(m?.send_after as string) - Date.now()).toBeGreaterThan(4 * 3600_000);
    expect(m?.subject).toContain(order.number);
  });

  it('tells what customs wants in plain words, with the amount, and never twice or backwards', async () => {
    const order = await parcelOrder('Europe/Berlin');
    const dueAt = daysAgo(2);
    await post(order.id, [{ milestone: 'arrived_destination', at: daysAgo(3), location_country: 'DE' }]);
    const duties = await post(order.id, [
      { milestone: 'duties_due', at: dueAt, duties: { amount: 1234, currency: 'EUR' } },
    ]);
    expect(duties.json()).toMatchObject({ milestone: 'duties_due', notified: 'duties_due' });
    const news = await outbox(order.id);
    expect(news).toHaveLength(2);
    const full = (
      await t.call('GET', `/api/v1/messages?direction=out&q=${encodeURIComponent('12,34')}`)
    ).json().data;
    expect(full.some((m: { order_id: string }) => m.order_id === order.id)).toBe(true);
    // the same events again, and an old scan resent: nothing moves, nobody is told
    const again = await post(order.id, [
      { milestone: 'duties_due', at: dueAt, duties: { amount: 1234, currency: 'EUR' } },
      { milestone: 'picked_up', at: daysAgo(1) },
    ]);
    expect(again.json()).toMatchObject({ milestone: 'duties_due', added: 1, notified: null });
    expect(await outbox(order.id)).toHaveLength(2);
  });

  it('maps 17TRACK and AfterShip statuses, refuses one nobody hears of, and delivery sets the date', async () => {
    const order = await parcelOrder(null);
    const deliveredAt = daysAgo(0.5);
    const customs = await post(order.id, [
      {
        carrier_status: { taxonomy: 'aftership', status: 'OutForDelivery', sub_status: 'OutForDelivery_001' },
        at: daysAgo(1),
      },
    ]);
    expect(customs.json().milestone).toBe('out_for_delivery');
    const bad = await post(order.id, [
      { carrier_status: { taxonomy: '17track', status: 'Nonsense' }, at: daysAgo(1) },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_request');
    const done = await post(order.id, [
      {
        carrier_status: { taxonomy: '17track', status: 'Delivered', sub_status: 'Delivered_Other' },
        at: deliveredAt,
      },
    ]);
    expect(done.json()).toMatchObject({ milestone: 'delivered', notified: 'delivered' });
    const view = (await t.call('GET', `/api/v1/orders/${order.id}/fulfillments/F1/tracking`)).json();
    expect(view.delivered_at).toBe(new Date(deliveredAt).toISOString());
    expect(view.events.map((e: { milestone: string }) => e.milestone)).toEqual([
      'out_for_delivery',
      'delivered',
    ]);
    // the order now counts from its delivery: the return window is open
    const order2 = (await t.call('GET', `/api/v1/orders/${order.id}`)).json();
    expect(order2.fulfillments[0].delivered_at).toBe(view.delivered_at);
  });

  it('keeps what carriers told when the platform sends a new version of the order', async () => {
    const base = makeOrder();
    const body = {
      ...base,
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 2 }],
          carrier: 'DHL',
          tracking_number: 'JJD0001',
          shipped_at: daysAgo(4),
          delivered_at: null,
        },
      ],
    };
    const order = (await t.call('POST', '/api/v1/orders', body)).json();
    const deliveredAt = daysAgo(1);
    await post(order.id, [
      { milestone: 'picked_up', at: daysAgo(3) },
      { milestone: 'delivered', at: deliveredAt },
    ]);
    const again = await t.call('POST', '/api/v1/orders', body);
    expect(again.statusCode, again.body).toBe(200);
    const view = (await t.call('GET', `/api/v1/orders/${order.id}/fulfillments/F1/tracking`)).json();
    expect(view).toMatchObject({ milestone: 'delivered', delivered_at: new Date(deliveredAt).toISOString() });
    expect(view.events).toHaveLength(2);
  });

  it('refuses news for a parcel the order does not have', async () => {
    const order = await parcelOrder(null);
    const res = await t.call('POST', `/api/v1/orders/${order.id}/fulfillments/F9/tracking`, {
      events: [{ milestone: 'delivered', at: daysAgo(1) }],
    });
    expect(res.statusCode).toBe(404);
  });
});
