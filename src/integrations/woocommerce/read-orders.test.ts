// The WooCommerce reader against a local stand-in serving the recorded order over two pages, with a
// 429 on the way: every order comes through once, a bad one is refused with its reason.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWooOrders, wooClient } from './read-orders.ts';

const recorded = JSON.parse(
  readFileSync(
    new URL('../../../../shared/data/payloads/woocommerce/order_create_response.json', import.meta.url),
    'utf8',
  ),
);
const orders = [
  ...Array.from({ length: 100 }, (_, i) => ({ ...recorded, id: 1000 + i, number: String(1000 + i) })),
  { ...recorded, id: 2000, number: '2000' },
  { ...recorded, id: 2001, number: '2001', line_items: [] },
];
const asked: URLSearchParams[] = [];
let limited = 1;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (!u.pathname.endsWith('/wp-json/wc/v3/orders')) {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    asked.push(u.searchParams);
    if (limited-- > 0) {
      res.writeHead(429, { 'retry-after': '2', 'content-type': 'application/json' });
      res.end('{"code":"too_many_requests"}');
      return;
    }
    const page = Number(u.searchParams.get('page'));
    const per = Number(u.searchParams.get('per_page'));
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-wp-total': String(orders.length),
      'x-wp-totalpages': String(Math.ceil(orders.length / per)),
    });
    res.end(JSON.stringify(orders.slice((page - 1) * per, page * per)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('reading a WooCommerce store', () => {
  it('pages through every order since the date, waits out a 429, refuses a bad order with its reason', async () => {
    const waited: number[] = [];
    let total = 0;
    const items = [];
    for await (const item of readWooOrders(
      wooClient({ url, apiKey: 'ck_test:cs_test' }),
      new Date('2017-01-01T00:00:00Z'),
      {
        onTotal: (n) => {
          total = n;
        },
        wait: async (s) => {
          waited.push(s);
        },
      },
    ))
      items.push(item);
    expect(waited).toEqual([2]);
    expect(total).toBe(102);
    expect(items.filter((i) => 'order' in i)).toHaveLength(101);
    expect(items.filter((i) => 'errors' in i)).toEqual([
      { errors: ['order 2001 carries no line items'], external_id: 'woocommerce:2001' },
    ]);
    expect(asked.map((q) => q.get('page'))).toEqual(['1', '1', '2']);
    expect(asked[1]?.get('after')).toBe('2017-01-01T00:00:00.000Z');
    expect(asked[1]?.get('oauth_consumer_key')).toBe('ck_test');
  });

  it('refuses a key that is not a ck:cs pair with a clear reason', () => {
    expect(() => wooClient({ url, apiKey: 'just-one-part' })).toThrow(/ck_…:cs_…/);
  });
});
