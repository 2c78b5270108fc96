// PayPal against a local stand-in answering with payloads written from PayPal's published OpenAPI
// specifications (test/fixtures/paypal/README.md): a capture refund with our key as PayPal-Request-Id
// and on the refund, webhooks verified by PayPal's verify-webhook-signature, a dispute followed from
// opened to lost.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';

const fixture = (f: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/paypal/${f}`, import.meta.url), 'utf8'));
const WEBHOOK_ID = '1JE4291016473214C';
let verifyAnswer = 'SUCCESS';
let pp: StandIn;
let t: TestApp;

beforeAll(async () => {
  pp = await startStandIn((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (
      req.url === '/v1/oauth2/token' &&
      req.headers.authorization !== `Basic ${Buffer.from('AbCdClientId:EfGhSecret').toString('base64')}`
    ) {
      res.statusCode = 401;
      return res.end('{"error":"invalid_client"}');
    }
    if (req.url === '/v1/oauth2/token')
      return res.end(JSON.stringify({ access_token: 'A21AAtest', token_type: 'Bearer', expires_in: 32400 }));
    if (req.url === '/v1/notifications/verify-webhook-signature')
      return res.end(
        JSON.stringify({ ...fixture('verify-webhook-signature.json'), verification_status: verifyAnswer }),
      );
    const m = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(req.url);
    if (m) {
      const asked = JSON.parse(req.body);
      res.statusCode = 201;
      return res.end(
        JSON.stringify({ ...fixture('refund.json'), amount: asked.amount, custom_id: asked.custom_id }),
      );
    }
    res.statusCode = 404;
    res.end('{"name":"RESOURCE_NOT_FOUND"}');
  });
  t = await createTestApp();
  await t.call('PUT', '/api/v1/integrations/paypal', {
    api_key: 'AbCdClientId:EfGhSecret',
    webhook_secret: WEBHOOK_ID,
    base_url: pp.url,
  });
});
afterAll(async () => {
  await t?.close();
  await pp?.close();
});

const transmission = {
  'paypal-auth-algo': 'SHA256withRSA',
  'paypal-cert-url': 'https://api-m.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
  'paypal-transmission-id': '69cd13f0-d67a-11e5-baa3-778b53f4ae55',
  'paypal-transmission-sig':
    'lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz+Zjh3s3boXB07VXCXUZy/UFzUlnGJn0wDugt7FlSvdKeIJenLRemUxYCPVoEZzg9VFNqOa48gMkvF+XTpxBeUx/kWy6B5cp7GkT2+pOowfRK7OaynuxUoKW3JcMWw272VKjLTtTAShncla7tGF+55rxyt2KNZIIqxNMJ48RDZheGU5w1npu9dZHnPgTXB9iomeVRoD8O/jhRpnKsGrDschyNdkeh81BJJMH4Ctc6lnCCquoP/GzCzz33MMsNdid7vL/NIWaCsekQpW26FpWPi/tfj8nLA==',
  'paypal-transmission-time': '2026-12-01T09:19:14Z',
};

function deliver(event: unknown) {
  return t.app.inject({
    method: 'POST',
    url: `/webhooks/paypal/${t.store.slug}`,
    payload: Buffer.from(JSON.stringify(event)),
    headers: { 'content-type': 'application/json', ...transmission },
  });
}

describe('PayPal', () => {
  it('refunds the capture with our key as PayPal-Request-Id and on the refund', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({ payments: [{ provider: 'paypal', reference: '2GG279541U471931P', amount: 10612 }] }),
      )
    ).json();
    const c = (
      await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: o.id, data: { subject: 'x' } })
    ).json();
    const r = await t.call(
      'POST',
      `/api/v1/cases/${c.id}/resolve`,
      { resolution: { type: 'refund', amount: 1500, goodwill: true, message: 'Sorry' } },
      { headers: { 'idempotency-key': 'pp-1' } },
    );
    const refundId = r.json().refunds[0].id;
    await t.runJobs();
    const call = pp.received.find((x) => x.url === '/v2/payments/captures/2GG279541U471931P/refund');
    expect(call?.headers['paypal-request-id']).toMatch(new RegExp(`^aftersale-refund-${refundId}-\\d+$`));
    expect(call?.headers.authorization).toBe('Bearer A21AAtest');
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({
      amount: { value: '15.00', currency_code: 'EUR' },
      custom_id: call?.headers['paypal-request-id'],
    });
    const token = pp.received.find((x) => x.url === '/v1/oauth2/token');
    expect(token?.headers.authorization).toBe(
      `Basic ${Buffer.from('AbCdClientId:EfGhSecret').toString('base64')}`,
    );
    const row = await t.database.db
      .selectFrom('refunds')
      .select(['status', 'provider_reference'])
      .where('id', '=', refundId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'succeeded', provider_reference: '1JU08902781691411' });
    // PayPal's webhook about the same refund changes nothing: it is ours, by our key on it
    const refunded = {
      id: 'WH-REFUND-1',
      event_type: 'PAYMENT.CAPTURE.REFUNDED',
      resource_type: 'refund',
      resource: { ...fixture('refund.json'), custom_id: call?.headers['paypal-request-id'] },
    };
    expect((await deliver(refunded)).statusCode).toBe(200);
    await t.runJobs();
    expect((await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded).toBe(1500);
  });

  it('opens a dispute case from CUSTOMER.DISPUTE.CREATED, verified by PayPal, and records the loss', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({ payments: [{ provider: 'paypal', reference: '2GG279541U471931P-B', amount: 10612 }] }),
      )
    ).json();
    const event = fixture('webhook-event-dispute.json');
    event.resource.disputed_transactions[0].seller_transaction_id = '2GG279541U471931P-B';
    expect((await deliver(event)).statusCode).toBe(200);
    await t.runJobs();
    const verify = pp.received.find(
      (x) => x.url === '/v1/notifications/verify-webhook-signature' && x.body.includes(event.id),
    );
    expect(JSON.parse(verify?.body ?? '{}')).toMatchObject({
      webhook_id: WEBHOOK_ID,
      transmission_id: transmission['paypal-transmission-id'],
      webhook_event: { id: event.id },
    });
    const cases = (await t.call('GET', `/api/v1/cases?kind=dispute&order_id=${o.id}`)).json().data;
    expect(cases[0].data).toMatchObject({
      provider: 'paypal',
      provider_dispute_id: 'PP-D-27803',
      amount: 10612,
      currency: 'EUR',
      reason: 'merchandise_or_service_not_received',
      evidence_due_by: '2026-12-15T23:59:59.000Z',
    });
    const resolved = {
      ...event,
      id: 'WH-RESOLVED-1',
      event_type: 'CUSTOMER.DISPUTE.RESOLVED',
      resource: {
        ...event.resource,
        status: 'RESOLVED',
        update_time: '2026-12-20T10:00:00.000Z',
        dispute_outcome: { outcome_code: 'RESOLVED_BUYER_FAVOUR' },
      },
    };
    await deliver(resolved);
    await t.runJobs();
    const c = (await t.call('GET', `/api/v1/cases/${cases[0].id}`)).json();
    expect(c.status).toBe('lost');
    expect(c.refunds).toEqual([expect.objectContaining({ amount: 10612, provider: 'chargeback' })]);
  });

  it('refuses a delivery PayPal does not vouch for, and keeps nothing', async () => {
    verifyAnswer = 'FAILURE';
    const res = await deliver({ ...fixture('webhook-event-dispute.json'), id: 'WH-FORGED' });
    verifyAnswer = 'SUCCESS';
    expect(res.statusCode).toBe(401);
    const kept = await t.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('delivery_id', '=', 'WH-FORGED')
      .execute();
    expect(kept).toHaveLength(0);
  });

  it('tests the connection: the saved credentials get a token, wrong ones say so', async () => {
    expect((await t.call('POST', '/api/v1/integrations/paypal/test', {})).json()).toEqual({
      ok: true,
      detail: 'PayPal accepted the credentials',
    });
    const none = (await t.call('POST', '/api/v1/integrations/woocommerce/test', {})).json();
    expect(none).toEqual({ ok: false, detail: 'No API key saved for this provider' });
    expect((await t.call('POST', '/api/v1/integrations/paypal/test', {}, { role: 'agent' })).statusCode).toBe(
      403,
    );
    await t.call('PUT', '/api/v1/integrations/paypal', { api_key: 'Wrong:Secret' });
    const wrong = (await t.call('POST', '/api/v1/integrations/paypal/test', {})).json();
    expect(wrong).toEqual({ ok: false, detail: 'PayPal token: 401' });
  });
});
