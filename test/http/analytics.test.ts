import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
let refunded: string; // the return that was resolved with a refund paid by hand
beforeAll(async () => {
  t = await createTestApp();
  // Two orders of two jumpers each; one unit comes back for a refund, one is asked back by a
  // flagged customer (review queue), and one request is rejected (not counted as returned).
  const a = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
  const b = (
    await t.call(
      'POST',
      '/api/v1/orders',
      makeOrder({
        customer: {
          email: 'flag@example.fr',
          name: 'F',
          phone: null,
          language: 'fr',
          time_zone: 'Europe/Paris',
          segments: ['flagged'],
        },
        shipping_address: {
          name: 'F',
          line1: '1 rue',
          line2: null,
          city: 'Paris',
          region: null,
          postal_code: '75001',
          country: 'FR',
        },
      }),
    )
  ).json();
  const r1 = (
    await t.call('POST', '/api/v1/returns', {
      order_id: a.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'size_too_small' }],
      method: 'drop_off',
    })
  ).json();
  await t.call('POST', `/api/v1/returns/${r1.id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
  await t.call('POST', `/api/v1/returns/${r1.id}/inspect`, {
    lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }],
  });
  await t.call('POST', `/api/v1/returns/${r1.id}/resolve`, {});
  refunded = r1.id;
  await t.call('POST', '/api/v1/returns', {
    order_id: b.id,
    lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
  });
  const r3 = (
    await t.call('POST', '/api/v1/returns', {
      order_id: b.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'color' }],
    })
  ).json();
  await t.call('POST', `/api/v1/returns/${r3.id}/reject`, { reason_code: 'abuse', message: '' });
});
afterAll(async () => {
  await t?.close();
});

describe('analytics', () => {
  it('breaks return rates down by country and by reason', async () => {
    const byCountry = (
      await t.call('GET', '/api/v1/analytics/breakdown?dimension=country', undefined, { role: 'read_only' })
    ).json();
    expect(byCountry.data).toEqual([
      expect.objectContaining({
        key: 'DE',
        units_sold: 2,
        units_returned: 1,
        returns: 1,
        return_rate: 0.5,
        refunded: 5009,
        currency: 'EUR',
      }),
      expect.objectContaining({
        key: 'FR',
        units_sold: 2,
        units_returned: 1,
        returns: 1,
        return_rate: 0.5,
        refunded: 0,
      }),
    ]);
    const byReason = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=reason')).json().data;
    expect(
      byReason.map((r: { key: string; units_returned: number }) => [r.key, r.units_returned]).sort(),
    ).toEqual([
      ['defective', 1],
      ['size_too_small', 1],
    ]);
    const bySegment = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=segment')).json().data;
    expect(bySegment.find((r: { key: string }) => r.key === 'flagged')).toMatchObject({
      units_sold: 2,
      units_returned: 1,
    });
  });

  it('summarises the period: series, refund totals and process health', async () => {
    const s = (await t.call('GET', '/api/v1/analytics/summary?interval=month')).json();
    const sold = s.timeseries.reduce((n: number, p: { units_sold: number }) => n + p.units_sold, 0);
    const returned = s.timeseries.reduce(
      (n: number, p: { units_returned: number }) => n + p.units_returned,
      0,
    );
    expect([sold, returned]).toEqual([4, 2]);
    expect(s.refunds).toEqual([{ currency: 'EUR', refunds: 1, amount: 5009 }]);
    expect(s.health).toMatchObject({ returns: 3, completed: 1, review_sla_breached: 0 });
    expect(s.health.auto_approved_share).toBeCloseTo(1 / 3);
    // The refund is paid by hand and nobody confirmed it yet: the customer has no money, so no time
    // to refund is counted. Once finance confirms it, there is one.
    expect(s.health.median_hours_to_refund).toBeNull();
    await t.runJobs();
    const refund = (await t.call('GET', `/api/v1/returns/${refunded}`)).json().refunds[0];
    const confirmed = await t.call('POST', `/api/v1/refunds/${refund.id}/confirm`, { reference: 'SEPA-3' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = (await t.call('GET', '/api/v1/analytics/summary?interval=month')).json();
    expect(after.health.median_hours_to_refund).toBeGreaterThanOrEqual(0);
    expect(after.health.median_hours_to_refund).toBeLessThan(1);
  });

  it('refuses a reversed period and an unknown dimension', async () => {
    expect(
      (
        await t.call('GET', '/api/v1/analytics/summary?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z')
      ).json().code,
    ).toBe('invalid_request');
    expect((await t.call('GET', '/api/v1/analytics/breakdown?dimension=colour')).statusCode).toBe(400);
  });
});

describe('analytics over multi-line returns', () => {
  it('shares a refund among its lines and counts a line sold once however often it comes back', async () => {
    const line = (id: string, sku: string, price: number, quantity: number) => ({
      id,
      sku,
      title: sku,
      variant: null,
      category: 'home',
      quantity,
      unit_price: price,
      discount: 0,
      tax: 0,
      flags: [],
      supplier: null,
      no_reason_return_waived: false,
    });
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          number: 'MULTI-1',
          lines: [line('L1', 'LAMP', 3000, 2), line('L2', 'BULB', 1000, 1)],
          discounts: [],
          shipping: { amount: 0, tax: 0 },
          payments: [{ provider: 'manual', reference: 'p', amount: 7000 }],
          fulfillments: [
            {
              id: 'F1',
              lines: [
                { line_id: 'L1', quantity: 2 },
                { line_id: 'L2', quantity: 1 },
              ],
              carrier: null,
              tracking_number: null,
              shipped_at: null,
              delivered_at: new Date(Date.now() - 86_400_000).toISOString(),
            },
          ],
        }),
      )
    ).json();
    const both = (
      await t.call('POST', '/api/v1/returns', {
        order_id: o.id,
        lines: [
          { line_id: 'L1', quantity: 1 },
          { line_id: 'L2', quantity: 1 },
        ],
        method: 'drop_off',
      })
    ).json();
    await t.call('POST', `/api/v1/returns/${both.id}/receive`, {
      lines: [
        { line_id: 'L1', quantity: 1 },
        { line_id: 'L2', quantity: 1 },
      ],
    });
    await t.call('POST', `/api/v1/returns/${both.id}/inspect`, {
      lines: [
        { line_id: 'L1', grade: 'A', disposition: 'restock' },
        { line_id: 'L2', grade: 'A', disposition: 'restock' },
      ],
    });
    const done = (await t.call('POST', `/api/v1/returns/${both.id}/resolve`, {})).json();
    await t.call('POST', '/api/v1/returns', {
      order_id: o.id,
      lines: [{ line_id: 'L1', quantity: 1 }],
      method: 'drop_off',
    });
    const rows = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=product&limit=500')).json().data;
    const lamp = rows.find((r: { key: string }) => r.key === 'LAMP');
    const bulb = rows.find((r: { key: string }) => r.key === 'BULB');
    expect(lamp).toMatchObject({ units_sold: 2, units_returned: 2, returns: 2, return_rate: 1 });
    expect(bulb).toMatchObject({ units_sold: 1, units_returned: 1, returns: 1 });
    expect(lamp.refunded + bulb.refunded).toBe(done.refunds[0].amount);
    expect(lamp.refunded).toBe(3000);
    // A return is counted once per key, however many of its lines share it: the two-line return
    // (lamp and bulb, both 'home') and the second one are two returns of three units.
    const byCategory = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=category')).json().data;
    expect(byCategory.find((r: { key: string }) => r.key === 'home')).toMatchObject({
      units_sold: 3,
      units_returned: 3,
      returns: 2,
      refunded: done.refunds[0].amount,
    });
    // ... and once per segment of its order: the 'vip' customer (both orders) returned 4 units in 3
    // returns (the first test's refunded jumper, and these two)
    const bySegment = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=segment')).json().data;
    expect(bySegment.find((r: { key: string }) => r.key === 'vip')).toMatchObject({
      units_sold: 5,
      units_returned: 4,
      returns: 3,
    });
  });
});
