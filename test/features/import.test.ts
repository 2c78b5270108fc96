import { createReadStream, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrdersCsv } from '../../src/features/orders/import-csv.ts';
import { readOlist } from '../../src/features/orders/import-olist.ts';
import { type ImportItem, importOrders } from '../../src/features/orders/import-orders.ts';
import { createTestApp, type TestApp } from '../app.ts';

const OLIST = '../shared/data/olist-10k-2017';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function* take<T>(items: AsyncIterable<T>, n: number): AsyncGenerator<T> {
  let i = 0;
  for await (const item of items) {
    if (i++ >= n) return;
    yield item;
  }
}

describe('importing orders into the database', () => {
  it('takes the good CSV orders, names the refused ones, and replaces on a second run', async () => {
    const progress: number[] = [];
    const first = await importOrders(
      t.database,
      t.store.id,
      readOrdersCsv(createReadStream('test/fixtures/orders.csv')),
      (n) => progress.push(n),
    );
    expect([first.created, first.updated, first.refused.length]).toEqual([3, 0, 7]);
    expect(first.refused[0]).toEqual({
      ref: '1003 (rows 6)',
      errors: [expect.stringContaining('"49.99" is a decimal')],
    });
    expect(progress.at(-1)).toBe(10);
    const order = (await t.call('GET', '/api/v1/orders?external_id=shop-1001')).json().data[0];
    expect(order.lines.map((l: { sku: string }) => l.sku)).toEqual(['JUMPER-M-BLUE', 'SCARF-RED']);
    expect(order.fulfillments).toHaveLength(2);
    const again = await importOrders(
      t.database,
      t.store.id,
      readOrdersCsv(createReadStream('test/fixtures/orders.csv')),
    );
    expect([again.created, again.updated]).toEqual([0, 3]);
  });

  it.runIf(existsSync(OLIST))(
    'loads real Olist orders with their delivery dates, and the engine decides on them',
    async () => {
      const items = take(readOlist(OLIST) as AsyncIterable<ImportItem>, 600);
      const summary = await importOrders(t.database, t.store.id, items);
      expect(summary.created + summary.refused.length).toBe(600);
      expect(summary.created).toBeGreaterThan(590);
      const delivered = await t.database.db
        .selectFrom('fulfillments as f')
        .innerJoin('orders as o', 'o.id', 'f.order_id')
        .select(['f.order_id', 'f.delivered_at'])
        .where('f.store_id', '=', t.store.id)
        .where('o.currency', '=', 'BRL')
        .where('f.delivered_at', 'is not', null)
        .orderBy('o.placed_at')
        .limit(1)
        .executeTakeFirstOrThrow();
      const order = (await t.call('GET', `/api/v1/orders/${delivered.order_id}`)).json();
      expect(order.currency).toBe('BRL');
      expect(order.shipping_address.country).toBe('BR');
      // Delivered in 2017: long past Brazil's 7-day floor and the store's own window.
      const decision = (
        await t.call('POST', `/api/v1/orders/${order.id}/eligibility`, {
          at: '2026-11-22T12:00:00Z',
          language: 'pt-BR',
        })
      ).json();
      expect(decision.lines.every((l: { eligible: boolean }) => !l.eligible)).toBe(true);
      const withinWindow = new Date(
        (delivered.delivered_at as Date).getTime() + 3 * 86_400_000,
      ).toISOString();
      const early = (
        await t.call('POST', `/api/v1/orders/${order.id}/eligibility`, {
          at: withinWindow,
          language: 'pt-BR',
        })
      ).json();
      expect(early.lines[0].eligible).toBe(true);
      expect(early.lines[0].explanations.map((e: { source: string }) => e.source)).toContain(
        'CDC (Lei 8.078/90) art. 49',
      );
    },
  );
});
