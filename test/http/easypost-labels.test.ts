// EasyPost return labels through the official client against a local stand-in answering with the
// recorded shipment, purchase and refund: the cheapest rate is bought, the PNG label lands in a PDF,
// the tracking number and cost are kept, and an unused label is voided.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';

const recorded = (p: string) =>
  JSON.parse(readFileSync(new URL(`../../../shared/data/payloads/easypost/${p}`, import.meta.url), 'utf8'));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let ep: StandIn;
let t: TestApp;
beforeAll(async () => {
  const created = recorded('return_shipment_create.json');
  const bought = recorded('shipment_buy.json');
  ep = await startStandIn((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/label.png') {
      res.setHeader('content-type', 'image/png');
      return res.end(PNG);
    }
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && path === '/v2/shipments') return res.end(JSON.stringify(created));
    if (req.method === 'POST' && path === `/v2/shipments/${created.id}/buy`)
      return res.end(
        JSON.stringify({
          ...bought,
          id: created.id,
          postage_label: { ...bought.postage_label, label_url: `${ep.url}/label.png` },
        }),
      );
    if (req.method === 'POST' && path === '/v2/refunds')
      return res.end(JSON.stringify(recorded('label_refund_create.json')));
    res.statusCode = 404;
    res.end('{"error":{"code":"NOT_FOUND"}}');
  });
  t = await createTestApp();
  await t.call('PUT', '/api/v1/integrations/easypost', { api_key: 'EZTK_test_0123456789', base_url: ep.url });
});
afterAll(async () => {
  await t?.close();
  await ep?.close();
});

describe('EasyPost return labels', () => {
  it('buys the cheapest rate, keeps the tracking number and cost, and voids an unused label', async () => {
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const r = (
      await t.call('POST', '/api/v1/returns', {
        order_id: o.id,
        lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
        resolution: { type: 'refund' },
        method: 'label',
      })
    ).json();
    if (r.status === 'requested') await t.call('POST', `/api/v1/returns/${r.id}/approve`, {});
    const labelled = await t.call(
      'POST',
      `/api/v1/returns/${r.id}/label`,
      {},
      { headers: { 'idempotency-key': 'ep-label-1' } },
    );
    expect(labelled.statusCode, labelled.body).toBe(200);
    const created = ep.received.find((x) => x.url === '/v2/shipments');
    const asked = JSON.parse(created?.body ?? '{}').shipment;
    expect(asked).toMatchObject({
      is_return: true,
      reference: r.rma,
      to_address: { city: 'Hamburg' },
      from_address: { city: 'Berlin' },
    });
    const bought = ep.received.find((x) => x.url.endsWith('/buy'));
    const cheapest = [...recorded('return_shipment_create.json').rates].sort(
      (a, b) => Number(a.rate) - Number(b.rate),
    )[0];
    expect(JSON.parse(bought?.body ?? '{}').rate.id).toBe(cheapest.id);
    const row = await t.database.db
      .selectFrom('return_labels')
      .selectAll()
      .where('case_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      carrier: 'easypost:USPS',
      tracking_number: '9434600208303109842228',
      cost: 820,
      cost_currency: 'USD',
    });
    const pdf = await t.call('GET', `/api/v1/returns/${r.id}/label.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const voided = await t.call('POST', `/api/v1/returns/${r.id}/label/void`, {}, { role: 'warehouse' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(JSON.parse(ep.received.find((x) => x.url === '/v2/refunds')?.body ?? '{}').refund).toMatchObject({
      carrier: 'USPS',
      tracking_codes: ['9434600208303109842228'],
    });
    const events = (await t.call('GET', `/api/v1/returns/${r.id}/events`)).json().data;
    expect(events.find((e: { type: string }) => e.type === 'label_voided').data).toMatchObject({
      refund_status: 'submitted',
    });
  });
});
