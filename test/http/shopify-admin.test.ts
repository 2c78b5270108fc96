// The Shopify Admin API through the official client against a local stand-in that answers with the
// recorded payloads: the backfill pages with page_info, and a refund goes against the captured
// transaction once, even when the answer to the first call is lost.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopifyAdmin } from '../../src/integrations/shopify/admin-client.ts';
import { readShopifyOrders } from '../../src/integrations/shopify/read-orders.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';

const recorded = (p: string) =>
  JSON.parse(readFileSync(new URL(`../../../shared/data/payloads/shopify/${p}`, import.meta.url), 'utf8'));
const order = recorded('order.json').order;
const transactions = recorded('transactions.json') as Record<string, unknown>[];
const refund = recorded('refund.json').refund;

const orders = Array.from({ length: 5 }, (_, i) => ({ ...order, id: 9000 + i, order_number: 2000 + i }));
const made: Record<string, unknown>[] = [];
const seen: { method: string; path: string; token: string | undefined; body: string }[] = [];
let shop: StandIn;
let loseNextAnswer = false;
let base: string;
let t: TestApp;

beforeAll(async () => {
  shop = await startStandIn((req, res) => {
    const u = new URL(req.url, 'http://x');
    const body = req.body;
    seen.push({
      method: req.method,
      path: u.pathname + u.search,
      token: req.headers['x-shopify-access-token'] as string,
      body,
    });
    res.setHeader('content-type', 'application/json');
    const path = u.pathname.replace(/^\/admin\/api\/[\d-]+\//, '');
    if (path === 'orders/count.json') return res.end(JSON.stringify({ count: orders.length }));
    if (path === 'orders.json') {
      const page = u.searchParams.get('page_info') === 'p2' ? 2 : 1;
      if (page === 1)
        res.setHeader('link', `<${base}/admin/api/2025-07/orders.json?page_info=p2&limit=250>; rel="next"`);
      return res.end(JSON.stringify({ orders: page === 1 ? orders.slice(0, 3) : orders.slice(3) }));
    }
    const m = /^orders\/(\d+)\/(refunds|transactions)\.json$/.exec(path);
    if (m && m[2] === 'transactions')
      return res.end(
        JSON.stringify({
          transactions: [
            ...transactions,
            { ...transactions[0], id: 389404470, kind: 'capture', parent_id: 389404469 },
          ],
        }),
      );
    if (m && req.method === 'GET') return res.end(JSON.stringify({ refunds: made }));
    if (m && req.method === 'POST') {
      const asked = JSON.parse(body).refund;
      const created = {
        ...refund,
        id: 509562969 + made.length,
        note: asked.note,
        transactions: [
          {
            ...refund.transactions[0],
            amount: asked.transactions[0].amount,
            parent_id: asked.transactions[0].parent_id,
            status: 'success',
          },
        ],
      };
      made.push(created);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        res.statusCode = 502;
        return res.end('{"errors":"bad gateway"}');
      }
      res.statusCode = 201;
      return res.end(JSON.stringify({ refund: created }));
    }
    res.statusCode = 404;
    res.end('{"errors":"Not Found"}');
  });
  base = shop.url;
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  await shop?.close();
});

describe('Shopify Admin API', () => {
  it('backfills every order since a date, following page_info', async () => {
    const client = shopifyAdmin({
      shopDomain: 'aurora.myshopify.com',
      accessToken: 'shpat_test',
      baseUrl: base,
    });
    let total = 0;
    const items = [];
    for await (const i of readShopifyOrders(client, new Date('2008-01-01T00:00:00Z'), {
      onTotal: (n) => {
        total = n;
      },
    }))
      items.push(i);
    expect(total).toBe(5);
    expect(items.map((i) => ('order' in i ? i.order.external_id : null))).toEqual(
      orders.map((o) => `shopify:${o.id}`),
    );
    const pages = seen.filter((s) => s.path.startsWith('/admin/api/2025-07/orders.json'));
    expect(pages.map((p) => new URL(p.path, base).searchParams.get('page_info'))).toEqual([null, 'p2']);
    expect(new URL(pages[0]?.path ?? '', base).searchParams.get('created_at_min')).toBe(
      '2008-01-01T00:00:00.000Z',
    );
    expect(pages[0]?.token).toBe('shpat_test');
  });

  it('refunds against the captured transaction once, even when the first answer is lost', async () => {
    await t.call('PUT', '/api/v1/integrations/shopify', {
      api_key: 'shpat_refunds',
      base_url: base,
      shop_domain: 'aurora.myshopify.com',
    });
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({ payments: [{ provider: 'shopify', reference: 'shopify:450789469', amount: 10612 }] }),
      )
    ).json();
    const c = (
      await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: o.id, data: { subject: 'x' } })
    ).json();
    const r = await t.call(
      'POST',
      `/api/v1/cases/${c.id}/resolve`,
      { resolution: { type: 'refund', amount: 1500, goodwill: true, message: 'Sorry' } },
      { headers: { 'idempotency-key': 'shopify-gw-1' } },
    );
    const refundId = r.json().refunds[0].id;
    loseNextAnswer = true;
    await t.runJobs();
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0), locked_until: null })
      .where('done_at', 'is', null)
      .execute();
    await t.runJobs();
    expect(made).toHaveLength(1);
    const post = seen.find((s) => s.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}').refund.transactions[0]).toMatchObject({
      parent_id: 389404470,
      amount: '15.00',
      kind: 'refund',
      gateway: 'bogus',
    });
    const row = await t.database.db
      .selectFrom('refunds')
      .select(['status', 'provider_reference'])
      .where('id', '=', refundId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'succeeded', provider_reference: '509562969' });
  });
});

describe("Shopify's webhook about our own refund", () => {
  it('settles it once instead of counting it again', async () => {
    const { signAs } = await import('../../src/integrations/webhooks/verify.ts');
    await t.call('PUT', '/api/v1/integrations/shopify', { webhook_secret: 'shpss_own_refund_secret' });
    const ours = refundRows();
    const before = await ours;
    const last = made.at(-1) as Record<string, unknown>;
    const body = Buffer.from(JSON.stringify({ ...last, order_id: 450789469 }));
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/shopify/${t.store.slug}`,
      payload: body,
      headers: {
        'content-type': 'application/json',
        ...signAs('shopify', 'shpss_own_refund_secret', body),
        'x-shopify-webhook-id': 'own-refund-1',
        'x-shopify-topic': 'refunds/create',
      },
    });
    expect(res.statusCode).toBe(200);
    await t.runJobs();
    expect(await refundRows()).toEqual(before);
    const delivery = (await t.call('GET', '/api/v1/integrations/deliveries')).json().data[0];
    expect(delivery, JSON.stringify(delivery)).toMatchObject({ error: null });
    expect(delivery.outcome).toMatch(/^refund 509562969 stays succeeded/);
  });
});

async function refundRows() {
  return t.database.db.selectFrom('refunds').select(['id', 'amount', 'status']).orderBy('id').execute();
}
