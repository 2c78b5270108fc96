// Outside systems: settings with sealed secrets, and webhooks from recorded real payloads, verified
// on the raw body, stored once per delivery id, applied by the job in order per object.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAs, type WebhookProvider } from '../../src/integrations/webhooks/verify.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

const payload = (p: string) =>
  readFileSync(new URL(`../../../shared/data/payloads/${p}`, import.meta.url), 'utf8');
const SECRET = 'whsec_integration_test_secret';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

function deliver(provider: WebhookProvider, body: string, headers: Record<string, string>, secret = SECRET) {
  const raw = Buffer.from(body);
  return t.app.inject({
    method: 'POST',
    url: `/webhooks/${provider}/${t.store.slug}`,
    payload: raw,
    headers: { 'content-type': 'application/json', ...signAs(provider, secret, raw), ...headers },
  });
}

describe('integration settings', () => {
  it('seals secrets, never shows them back, and keeps a secret left out', async () => {
    const put = await t.call('PUT', '/api/v1/integrations/shopify', {
      webhook_secret: SECRET,
      api_key: 'shpat_0123456789abcdef',
      shop_domain: 'aurora.myshopify.com',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain(SECRET);
    expect(put.json()).toMatchObject({ provider: 'shopify', secrets_set: ['webhook_secret', 'api_key'] });
    const row = await t.database.db.selectFrom('integrations').select('secrets').executeTakeFirstOrThrow();
    expect(row.secrets).not.toContain(SECRET);
    const again = await t.call('PUT', '/api/v1/integrations/shopify', {
      shop_domain: 'aurora2.myshopify.com',
    });
    expect(again.json().secrets_set).toEqual(['webhook_secret', 'api_key']);
    const list = await t.call('GET', '/api/v1/integrations', undefined, { role: 'agent' });
    expect(list.body).not.toContain('shpat_');
    expect(
      (
        await t.call(
          'PUT',
          '/api/v1/integrations/stripe',
          { webhook_secret: 'x'.repeat(10) },
          { role: 'agent' },
        )
      ).statusCode,
    ).toBe(403);
    expect((await t.call('PUT', '/api/v1/integrations/nope', {})).statusCode).toBe(400);
  });
});

describe('Shopify webhooks', () => {
  // a webhook body is the bare order (the recorded Admin API answer wraps it in {"order": …})
  const order = JSON.stringify(JSON.parse(payload('shopify/order.json')).order);
  const headers = (id: string, topic = 'orders/create') => ({
    'x-shopify-webhook-id': id,
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': 'aurora.myshopify.com',
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const res = await deliver('shopify', order, headers('w-bad'), 'not-the-secret');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
    const n = await t.database.db.selectFrom('webhook_deliveries').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('creates the order from orders/create once, whatever the number of deliveries', async () => {
    expect((await deliver('shopify', order, headers('w-1'))).statusCode).toBe(200);
    expect((await deliver('shopify', order, headers('w-1'))).statusCode).toBe(200);
    await t.runJobs();
    const found = (await t.call('GET', '/api/v1/orders?external_id=shopify:450789469')).json().data;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ number: '1001', currency: 'USD', channel: 'shopify' });
    const deliveries = (await t.call('GET', '/api/v1/integrations/deliveries')).json().data;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      topic: 'orders/create',
      error: null,
      outcome: expect.stringMatching(/^created order 1001/),
    });
  });

  it('never lets an older orders/updated overwrite a newer one', async () => {
    const base = JSON.parse(order);
    const newer = { ...base, updated_at: '2008-01-12T11:00:00-05:00', email: 'newer@example.com' };
    const older = { ...base, updated_at: '2008-01-11T11:00:00-05:00', email: 'older@example.com' };
    await deliver('shopify', JSON.stringify(newer), headers('w-new', 'orders/updated'));
    await t.runJobs();
    await deliver('shopify', JSON.stringify(older), headers('w-old', 'orders/updated'));
    await t.runJobs();
    const found = (await t.call('GET', '/api/v1/orders?external_id=shopify:450789469')).json().data[0];
    expect(found.customer.email).toBe('newer@example.com');
    const old = (await t.call('GET', '/api/v1/integrations/deliveries'))
      .json()
      .data.find((d: { delivery_id: string }) => d.delivery_id === 'w-old');
    expect(old.outcome).toMatch(/^stale/);
  });

  it('keeps a delivery it cannot apply with its error, and replays it', async () => {
    const broken = { ...JSON.parse(order), id: 99, line_items: [] };
    await deliver('shopify', JSON.stringify(broken), headers('w-broken'));
    await t.runJobs();
    const failed = (await t.call('GET', '/api/v1/integrations/deliveries?failed=true')).json().data;
    expect(failed.map((d: { delivery_id: string; error: string }) => [d.delivery_id, d.error])).toEqual([
      ['w-broken', 'order 99 carries no line items'],
    ]);
    const replay = await t.call('POST', `/api/v1/integrations/deliveries/${failed[0].id}/replay`, {});
    expect(replay.statusCode).toBe(202);
    await t.runJobs();
    const still = (await t.call('GET', '/api/v1/integrations/deliveries?failed=true')).json().data;
    expect(still).toHaveLength(1);
  });

  it('records a parcel made in Shopify on the order (fulfillments/create)', async () => {
    const f = JSON.parse(payload('shopify/fulfillment.json'));
    await deliver('shopify', JSON.stringify(f.fulfillment ?? f), headers('w-ful', 'fulfillments/create'));
    await t.runJobs();
    const o = (await t.call('GET', '/api/v1/orders?external_id=shopify:450789469')).json().data[0];
    expect(o.fulfillments.find((x: { id: string }) => x.id === '255858046')).toMatchObject({
      tracking_number: '1Z2345',
      carrier: 'null-company',
      lines: [{ line_id: '466157049', quantity: 1 }],
      delivered_at: null,
    });
  });

  it('records a refund made in Shopify once, without sending money again', async () => {
    const refund = JSON.parse(payload('shopify/refund.json'));
    const body = { ...(refund.refund ?? refund), order_id: 450789469 };
    await deliver('shopify', JSON.stringify(body), headers('w-refund', 'refunds/create'));
    await deliver('shopify', JSON.stringify(body), headers('w-refund-again', 'refunds/create'));
    await t.runJobs();
    const o = (await t.call('GET', '/api/v1/orders?external_id=shopify:450789469')).json().data[0];
    const refunds = await t.database.db
      .selectFrom('refunds')
      .select(['amount', 'provider', 'status'])
      .where('order_id', '=', o.id)
      .execute();
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ provider: 'shopify', status: 'succeeded' });
    expect(o.totals.refunded).toBe(Number(refunds[0]?.amount));
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('kind')
      .where('kind', '=', 'refunds.execute')
      .execute();
    expect(jobs).toHaveLength(0);
  });
});

describe('WooCommerce webhooks', () => {
  it('creates the order from order.created and keeps a newer order.updated over an older one', async () => {
    await t.call('PUT', '/api/v1/integrations/woocommerce', {
      webhook_secret: SECRET,
      base_url: 'https://shop.example',
    });
    const order = JSON.parse(payload('woocommerce/order_create_response.json'));
    const send = (id: string, topic: string, body: unknown) =>
      deliver('woocommerce', JSON.stringify(body), {
        'x-wc-webhook-delivery-id': id,
        'x-wc-webhook-topic': topic,
      });
    expect((await send('wc-1', 'order.created', order)).statusCode).toBe(200);
    await t.runJobs();
    await send('wc-3', 'order.updated', {
      ...order,
      status: 'completed',
      date_modified_gmt: '2017-03-25T10:00:00',
      date_completed_gmt: '2017-03-25T10:00:00',
    });
    await t.runJobs();
    await send('wc-2', 'order.updated', { ...order, date_modified_gmt: '2017-03-23T10:00:00' });
    await t.runJobs();
    const found = (await t.call('GET', '/api/v1/orders?external_id=woocommerce:727')).json().data;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ number: '727', totals: { total: 2935 } });
    expect(found[0].fulfillments[0].shipped_at).toBe('2017-03-25T10:00:00.000Z');
  });
});

describe('Stripe dispute webhooks', () => {
  it('opens a dispute case for the order paid by the charge, follows it to lost, records the chargeback', async () => {
    await t.call('PUT', '/api/v1/integrations/stripe', { webhook_secret: SECRET });
    const dispute = JSON.parse(payload('stripe/dispute.json'));
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          currency: 'USD',
          payments: [{ provider: 'stripe', reference: dispute.charge, amount: 10612 }],
        }),
      )
    ).json();
    const event = JSON.parse(payload('stripe/event.json'));
    const send = (id: string, type: string, status: string) =>
      deliver('stripe', JSON.stringify({ ...event, id, type, data: { object: { ...dispute, status } } }), {});
    expect((await send('evt_1', 'charge.dispute.created', 'needs_response')).statusCode).toBe(200);
    await t.runJobs();
    const cases = (await t.call('GET', `/api/v1/cases?kind=dispute&order_id=${o.id}`)).json().data;
    expect(cases).toHaveLength(1);
    expect(cases[0].data).toMatchObject({
      provider: 'stripe',
      provider_dispute_id: dispute.id,
      amount: 1000,
      currency: 'USD',
      evidence_due_by: new Date(dispute.evidence_details.due_by * 1000).toISOString(),
    });
    await send('evt_2', 'charge.dispute.closed', 'lost');
    await t.runJobs();
    const c = (await t.call('GET', `/api/v1/cases/${cases[0].id}`)).json();
    expect(c.status).toBe('lost');
    expect(c.refunds).toEqual([expect.objectContaining({ amount: 1000, provider: 'chargeback' })]);
  });

  it('refuses an event signed too long ago', async () => {
    const body = Buffer.from(payload('stripe/event.json'));
    const old = signAs('stripe', SECRET, body, new Date(Date.now() - 600_000));
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/stripe/${t.store.slug}`,
      payload: body,
      headers: { 'content-type': 'application/json', ...old },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('EasyPost tracker webhooks', () => {
  it('marks the parcel with that tracking code delivered', async () => {
    await t.call('PUT', '/api/v1/integrations/easypost', { webhook_secret: SECRET });
    const event = JSON.parse(payload('easypost/event_tracker_updated.json'));
    const code = event.result.tracking_code;
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          fulfillments: [
            {
              id: 'F1',
              lines: [{ line_id: 'L1', quantity: 2 }],
              carrier: 'USPS',
              tracking_number: code,
              shipped_at: '2026-11-20T10:00:00Z',
              delivered_at: null,
            },
          ],
        }),
      )
    ).json();
    const delivered = { ...event, result: { ...event.result, status: 'delivered' } };
    expect((await deliver('easypost', JSON.stringify(delivered), {})).statusCode).toBe(200);
    await t.runJobs();
    const after = (await t.call('GET', `/api/v1/orders/${o.id}`)).json();
    expect(after.fulfillments[0].delivered_at).not.toBeNull();
  });
});

describe('signed webhooks out', () => {
  it("tells the store's system to stop fulfilment of a cancelled order, signed per Standard Webhooks, retried after a 500", async () => {
    const { createServer } = await import('node:http');
    const { createHmac } = await import('node:crypto');
    const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    let refuse = 1;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.statusCode = refuse-- > 0 ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const made = await t.call('POST', '/api/v1/webhook-endpoints', {
        url: `http://127.0.0.1:${port}/aftersale`,
        topics: ['fulfillment.stop_requested'],
      });
      expect(made.statusCode, made.body).toBe(201);
      const secret = made.json().secret as string;
      expect(secret).toMatch(/^whsec_/);
      expect((await t.call('GET', '/api/v1/webhook-endpoints')).body).not.toContain(secret);
      const o = (await t.call('POST', '/api/v1/orders', makeOrder({ fulfillments: [] }))).json();
      await t.call('POST', '/api/v1/cases', { kind: 'cancellation', order_id: o.id });
      await t.runJobs();
      // the failed send is scheduled a minute later; bring it forward
      await t.database.db
        .updateTable('jobs')
        .set({ run_at: new Date(0) })
        .where('kind', '=', 'webhooks.send')
        .where('done_at', 'is', null)
        .execute();
      await t.runJobs();
      expect(got.map((g) => JSON.parse(g.body).type)).toEqual([
        'fulfillment.stop_requested',
        'fulfillment.stop_requested',
      ]);
      const last = got[1] as (typeof got)[number];
      expect(last.headers['webhook-id']).toBe(got[0]?.headers['webhook-id']);
      const event = JSON.parse(last.body);
      expect(event).toMatchObject({
        type: 'fulfillment.stop_requested',
        data: {
          order: { id: o.id, external_id: o.external_id },
          case: { kind: 'cancellation' },
          detail: { lines: [{ line_id: 'L1', quantity: 2 }] },
        },
      });
      const id = String(last.headers['webhook-id']);
      const ts = String(last.headers['webhook-timestamp']);
      expect(id).toBe(event.id);
      const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
        .update(`${id}.${ts}.${last.body}`)
        .digest('base64');
      expect(last.headers['webhook-signature']).toBe(`v1,${expected}`);
      const recent = (await t.call('GET', '/api/v1/webhook-endpoints')).json().data[0].recent;
      expect(recent.map((r: { status_code: number; attempt: number }) => [r.status_code, r.attempt])).toEqual(
        [
          [204, 2],
          [500, 1],
        ],
      );
      // a person sends a logged event again
      const replay = await t.call(
        'POST',
        `/api/v1/webhook-endpoints/${made.json().id}/sends/${recent[0].id}/replay`,
        {},
      );
      expect(replay.statusCode).toBe(202);
      await t.runJobs();
      expect(got).toHaveLength(3);
      expect(JSON.parse(got[2]?.body ?? '{}').id).toBe(event.id);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('disables an endpoint that has failed for a whole day, and says why', async () => {
    const made = (
      await t.call('POST', '/api/v1/webhook-endpoints', {
        url: 'http://127.0.0.1:9/nothing-listens',
        topics: ['case.created'],
      })
    ).json();
    await t.database.db
      .updateTable('webhook_endpoints')
      .set({ failing_since: new Date(Date.now() - 25 * 3_600_000) })
      .where('id', '=', made.id)
      .execute();
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: o.id, data: { subject: 'Hello' } });
    await t.runJobs();
    const endpoint = (await t.call('GET', '/api/v1/webhook-endpoints'))
      .json()
      .data.find((e: { id: string }) => e.id === made.id);
    expect(endpoint.disabled_at).not.toBeNull();
    expect(endpoint.disabled_reason).toMatch(/^failing since /);
    const pending = await t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'webhooks.send')
      .where('done_at', 'is', null)
      .execute();
    expect(pending).toHaveLength(0);
  });
});
