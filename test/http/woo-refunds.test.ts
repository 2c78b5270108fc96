// WooCommerce refunds through the store's REST API (official client) against a local stand-in that
// answers with the recorded refund: the gateway is asked (api_refund), our key rides in the reason,
// and an answer lost on the way is found again instead of refunding twice.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';

const recorded = JSON.parse(
  readFileSync(
    new URL('../../../shared/data/payloads/woocommerce/order_refund_create_response.json', import.meta.url),
    'utf8',
  ),
);
const made: Record<string, unknown>[] = [];
const posted: Record<string, unknown>[] = [];
let loseNextAnswer = true;
let woo: StandIn;
let t: TestApp;

beforeAll(async () => {
  woo = await startStandIn((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (new URL(req.url, 'http://x').pathname !== '/wp-json/wc/v3/orders/727/refunds') {
      res.statusCode = 404;
      return res.end('{"code":"rest_no_route"}');
    }
    if (req.method === 'GET') return res.end(JSON.stringify(made));
    const asked = JSON.parse(req.body);
    posted.push(asked);
    const created = { ...recorded, id: 726 + made.length, amount: asked.amount, reason: asked.reason };
    made.push(created);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      res.statusCode = 504;
      return res.end('{"code":"gateway_timeout"}');
    }
    res.statusCode = 201;
    res.end(JSON.stringify(created));
  });
  t = await createTestApp();
  await t.call('PUT', '/api/v1/integrations/woocommerce', {
    api_key: 'ck_live_0123:cs_live_4567',
    base_url: woo.url,
  });
});
afterAll(async () => {
  await t?.close();
  await woo?.close();
});

describe('WooCommerce refunds', () => {
  it("asks the store's gateway once, with our key in the reason, even when the first answer is lost", async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({ payments: [{ provider: 'woocommerce', reference: 'woocommerce:727', amount: 10612 }] }),
      )
    ).json();
    const c = (
      await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: o.id, data: { subject: 'x' } })
    ).json();
    const r = await t.call(
      'POST',
      `/api/v1/cases/${c.id}/resolve`,
      { resolution: { type: 'refund', amount: 1000, goodwill: true, message: 'Sorry' } },
      { headers: { 'idempotency-key': 'woo-gw-1' } },
    );
    const refundId = r.json().refunds[0].id;
    await t.runJobs();
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0), locked_until: null })
      .where('done_at', 'is', null)
      .execute();
    await t.runJobs();
    expect(made).toHaveLength(1);
    expect(posted[0]).toMatchObject({ amount: '10.00', api_refund: true });
    expect(String(posted[0]?.reason)).toContain(`aftersale-refund-${refundId}`);
    const row = await t.database.db
      .selectFrom('refunds')
      .select(['status', 'provider_reference'])
      .where('id', '=', refundId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'succeeded', provider_reference: '726' });
  });
});
