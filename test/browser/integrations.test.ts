// Connecting a real store, in Chromium on the demo store: the owner connects Stripe and Shopify on
// the Integrations page (secrets go in, never come back out), a signed Shopify orders/create
// arrives and makes the order, a return on it is refunded through Shopify's Admin API (a Shopify
// order is paid in Shopify), and the page's delivery log shows what arrived and what each did.
// Local stand-ins answer as Stripe and Shopify with the recorded payloads. Screenshots land in
// test-results/screenshots/integrations-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAs } from '../../src/integrations/webhooks/verify.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';
import { signIn } from './sign-in.ts';

const SHOTS = 'test-results/screenshots';
const recorded = (p: string) =>
  JSON.parse(readFileSync(new URL(`../../../shared/data/payloads/${p}`, import.meta.url), 'utf8'));
const WEBHOOK_SECRET = 'shpss_browser_journey_secret';

describe('connecting Stripe and Shopify in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shopify: StandIn;
  let stripe: StandIn;
  const refunds: Record<string, unknown>[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const refund = recorded('shopify/refund.json').refund;
    const transactions = recorded('shopify/transactions.json') as Record<string, unknown>[];
    shopify = await startStandIn((req, res) => {
      res.setHeader('content-type', 'application/json');
      const path = new URL(req.url, 'http://x').pathname.replace(/^\/admin\/api\/[\d-]+\//, '');
      if (path.endsWith('/transactions.json'))
        return res.end(
          JSON.stringify({ transactions: [...transactions, { ...transactions[0], id: 777, kind: 'sale' }] }),
        );
      if (path.endsWith('/refunds.json') && req.method === 'GET') return res.end(JSON.stringify({ refunds }));
      if (path.endsWith('/refunds.json')) {
        const asked = JSON.parse(req.body).refund;
        const made = {
          ...refund,
          id: 509562969,
          note: asked.note,
          transactions: [
            { ...refund.transactions[0], amount: asked.transactions[0].amount, status: 'success' },
          ],
        };
        refunds.push(made);
        res.statusCode = 201;
        return res.end(JSON.stringify({ refund: made }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    stripe = await startStandIn((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(recorded('stripe/refund.json')));
    });
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await shopify?.close();
    await stripe?.close();
  });

  const card = (provider: string) => page.getByTestId(`integration-${provider}`);

  it('the owner connects Stripe and Shopify; the secrets never come back', async () => {
    await signIn(page, server, 'owner');
    await page.goto(`${server.url}/console/integrations`);
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await card('stripe').getByLabel('Webhook signing secret').fill('whsec_browser_stripe_secret');
    await card('stripe').getByLabel('API key or access token').fill('sk_test_browser_0123456789');
    await card('stripe').getByLabel('API address').fill(stripe.url);
    await card('stripe').getByRole('button', { name: 'Save' }).click();
    await card('stripe').getByText('Connected').waitFor();
    await card('stripe').getByRole('button', { name: 'Test the connection' }).click();
    await card('stripe').getByText('Stripe answered (test mode)').waitFor();
    expect(stripe.received.some((r) => r.url === '/v1/balance')).toBe(true);
    await card('shopify').getByLabel('Webhook signing secret').fill(WEBHOOK_SECRET);
    await card('shopify').getByLabel('API key or access token').fill('shpat_browser_0123456789');
    await card('shopify').getByLabel('Shop domain').fill('aurora-demo.myshopify.com');
    await card('shopify').getByLabel('API address').fill(shopify.url);
    await card('shopify').getByRole('button', { name: 'Save' }).click();
    await card('shopify').getByText('Connected').waitFor();
    expect(await card('shopify').getByLabel('API key or access token').inputValue()).toBe('');
    expect(await page.content()).not.toContain('shpat_browser_0123456789');
    await page.screenshot({ path: `${SHOTS}/integrations-connected.png`, fullPage: true });
  });

  it('a Shopify order arrives, a return on it is refunded in Shopify, and the log shows each call', async () => {
    const order = {
      ...recorded('shopify/order.json').order,
      id: 5823105663024,
      order_number: 5001,
      financial_status: 'paid',
      fulfillments: [
        {
          ...recorded('shopify/fulfillment.json').fulfillment,
          status: 'success',
          shipment_status: 'delivered',
          created_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
          updated_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        },
      ],
    };
    const body = Buffer.from(JSON.stringify(order));
    const res = await fetch(`${server.url}/webhooks/shopify/demo`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signAs('shopify', WEBHOOK_SECRET, body),
        'x-shopify-webhook-id': 'browser-w1',
        'x-shopify-topic': 'orders/create',
        'x-shopify-shop-domain': 'aurora-demo.myshopify.com',
      },
      body,
    });
    expect(res.status).toBe(200);
    // the worker applies it within a second or two
    let made: { data: { id: string; number: string }[] } = { data: [] };
    for (let i = 0; i < 40 && made.data.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      made = await server.api('GET', `/api/v1/orders?external_id=shopify:${order.id}`);
    }
    expect(made.data[0]?.number).toBe('5001');
    const orderId = made.data[0]?.id as string;

    const ret = await server.api<{ id: string; status: string }>('POST', '/api/v1/returns', {
      order_id: orderId,
      lines: [{ line_id: '466157049', quantity: 1, reason: 'defective' }],
      resolution: { type: 'refund' },
      method: 'label',
    });
    if (ret.status === 'requested') await server.api('POST', `/api/v1/returns/${ret.id}/approve`, {});
    await server.api('POST', `/api/v1/returns/${ret.id}/receive`, {
      lines: [{ line_id: '466157049', quantity: 1 }],
    });
    await server.api('POST', `/api/v1/returns/${ret.id}/inspect`, {
      lines: [{ line_id: '466157049', grade: 'B', disposition: 'refurbish' }],
    });
    await server.api('POST', `/api/v1/returns/${ret.id}/resolve`, {});
    for (let i = 0; i < 40 && refunds.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect(refunds).toHaveLength(1);
    const posted = shopify.received.find((r) => r.method === 'POST');
    expect(posted?.headers['x-shopify-access-token']).toBe('shpat_browser_0123456789');

    await page.goto(`${server.url}/console/integrations`);
    const log = page.getByRole('table');
    await log.getByText('orders/create').waitFor();
    await log.getByText(/created order 5001/).waitFor();
    await page.screenshot({ path: `${SHOTS}/integrations-delivery-log.png`, fullPage: true });

    await page.goto(`${server.url}/console/returns/${ret.id}`);
    await page.getByText('shopify', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/integrations-refunded-return.png`, fullPage: true });
  });
});
