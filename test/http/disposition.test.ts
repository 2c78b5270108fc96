// Disposition by cost over HTTP: the store's cost tables (who may write them, bad tables refused and
// nothing changed), the options per line of a defective return, the route and its expected cost
// recorded at inspection, the actual cost later, and restocked stock put away (event and webhook).
// Also the one statement the options and the inspection read, and that it reads what the separate
// reads do.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispositionFacts,
  dispositionLines,
  getStoredCosts,
} from '../../src/features/disposition/disposition.queries.ts';
import { dispositionOptions, inspectionCosts } from '../../src/features/disposition/disposition-options.ts';
import { allRatesQuery } from '../../src/features/rates/rates.queries.ts';
import {
  readUnitsWithPosition,
  unitsWithPosition,
} from '../../src/features/suppliers/supplier-units.queries.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

let t: TestApp;

const TABLES = {
  labels: {
    return_to_supplier: {
      default: [{ max_grams: 1000, cost: 1500 }],
      by_country: { DE: [{ max_grams: 1000, cost: 690 }] },
    },
    local_hub: [{ max_grams: 1000, cost: 450 }],
    customer_return: { default: [{ max_grams: 1000, cost: 550 }] },
  },
  reexport_loss_percent: { DE: 19 },
};

beforeAll(async () => {
  t = await createTestApp();
  const sup = await t.call('POST', '/api/v1/suppliers', {
    suppliers: [
      { code: 'SUP-1', name: 'Leipzig Knit', country: 'DE', terms: { currency: 'EUR', window_days: 60 } },
    ],
  });
  expect(sup.statusCode, sup.body).toBe(200);
  const products = await t.call('POST', '/api/v1/products', {
    products: [
      {
        sku: 'JUMPER-M-BLUE',
        title: 'Wool jumper',
        price: 4999,
        currency: 'EUR',
        weight_grams: 400,
        supplier_code: 'SUP-1',
        unit_cost: 1050,
        unit_cost_currency: 'EUR',
      },
    ],
  });
  expect(products.statusCode, products.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

async function receivedReturn(reason: string) {
  const order = await t.call('POST', '/api/v1/orders', makeOrder({ placed_at: daysAgo(8) }));
  expect(order.statusCode, order.body).toBe(201);
  const created = await t.call('POST', '/api/v1/returns', {
    order_id: order.json().id,
    lines: [{ line_id: 'L1', quantity: 1, reason }],
    resolution: { type: 'refund' },
    method: 'label',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  if (created.json().status === 'requested')
    expect((await t.call('POST', `/api/v1/returns/${id}/approve`, {})).statusCode).toBe(200);
  const received = await t.call(
    'POST',
    `/api/v1/returns/${id}/receive`,
    { lines: [{ line_id: 'L1', quantity: 1 }] },
    { role: 'warehouse' },
  );
  expect(received.statusCode, received.body).toBe(200);
  return id;
}

const inspect = (id: string, line: Record<string, unknown>) =>
  t.call(
    'POST',
    `/api/v1/returns/${id}/inspect`,
    { lines: [{ line_id: 'L1', checklist: {}, deduction: { amount: 0, reason: '' }, ...line }] },
    { role: 'warehouse' },
  );

describe('the cost tables', () => {
  it('answer the defaults in the store currency until set', async () => {
    const res = await t.call('GET', '/api/v1/disposition-costs', undefined, { role: 'warehouse' });
    expect(res.statusCode).toBe(200);
    expect(res.json().tables_set).toBe(false);
    expect(res.json().costs).toMatchObject({
      currency: 'EUR',
      disposal_cost: 200,
      handling: { dispose: 100 },
    });
  });

  it('are written by the owner and finance only; bad tables are refused and change nothing', async () => {
    const denied = await t.call('PUT', '/api/v1/disposition-costs', TABLES, { role: 'warehouse' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    const bad = await t.call(
      'PUT',
      '/api/v1/disposition-costs',
      {
        labels: {
          local_hub: [
            { max_grams: 5000, cost: 1 },
            { max_grams: 1000, cost: 2 },
          ],
        },
        disposal_cost: -1,
      },
      { role: 'finance' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('invalid_request');
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['disposal_cost', 'labels.local_hub']);
    expect((await t.call('GET', '/api/v1/disposition-costs')).json().tables_set).toBe(false);

    const ok = await t.call('PUT', '/api/v1/disposition-costs', TABLES, { role: 'finance' });
    expect(ok.statusCode, ok.body).toBe(200);
    const read = (await t.call('GET', '/api/v1/disposition-costs')).json();
    expect(read.tables_set).toBe(true);
    expect(read.costs.labels.return_to_supplier.by_country.DE).toEqual([{ max_grams: 1000, cost: 690 }]);
    expect(read.costs.reexport_loss_percent).toEqual({ DE: 19 });
  });
});

describe('a defective unit', () => {
  it('is shown its routes by cost, recorded at inspection with its expected cost, then its actual cost', async () => {
    const id = await receivedReturn('defective');
    const res = await t.call('GET', `/api/v1/returns/${id}/disposition-options`, undefined, {
      role: 'warehouse',
    });
    expect(res.statusCode, res.body).toBe(200);
    const line = res.json().lines[0];
    expect(line).toMatchObject({ line_id: 'L1', grade: 'C', with_customer: false, quantity: 1 });
    expect(line.supplier_position.claimable).toBe(true);
    const d = line.by_grade.D;
    // supplier in DE, unit in DE: label 6.90 + handling 2.50 - credit 10.50; disposal 1.00 + 2.00
    expect(d.options.map((o: { route: string; net_cost: number }) => [o.route, o.net_cost])).toEqual([
      ['return_to_supplier', -110],
      ['dispose', 300],
    ]);
    expect(d.explanation).toBe('return to supplier: cheaper than local disposal by 4.10 EUR.');

    const inspected = await inspect(id, { grade: 'D', disposition: 'return_to_supplier' });
    expect(inspected.statusCode, inspected.body).toBe(200);
    const after = (await t.call('GET', `/api/v1/returns/${id}/disposition-options`)).json().lines[0];
    expect(after.grade).toBe('D');
    expect(after.recorded).toEqual({
      disposition: 'return_to_supplier',
      expected_cost: -110,
      actual_cost: null,
      actual_currency: null,
      currency: 'EUR',
    });

    const url = `/api/v1/returns/${id}/lines/L1/disposition-cost`;
    expect((await t.call('POST', url, { amount: -90 }, { role: 'warehouse' })).statusCode).toBe(403);
    const bad = await t.call('POST', url, { amount: 1.5 }, { role: 'finance' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_request');
    const actual = await t.call('POST', url, { amount: -90, note: 'DHL invoice 4711' }, { role: 'finance' });
    expect(actual.statusCode, actual.body).toBe(200);
    expect(actual.json()).toMatchObject({ expected_cost: -110, actual_cost: -90, actual_currency: 'EUR' });
    const events = (await t.call('GET', `/api/v1/returns/${id}/events`)).json();
    const list = (Array.isArray(events) ? events : events.data) as { type: string; data: unknown }[];
    expect(list.find((e) => e.type === 'disposition_cost_recorded')?.data).toMatchObject({
      expected: -110,
      actual: -90,
    });
  });

  it('a route the list did not offer is still recorded, at what it costs', async () => {
    const id = await receivedReturn('defective');
    expect((await inspect(id, { grade: 'D', disposition: 'donate' })).statusCode).toBe(200);
    const line = (await t.call('GET', `/api/v1/returns/${id}/disposition-options`)).json().lines[0];
    // donating: handling 1.50, nothing back
    expect(line.recorded).toMatchObject({ disposition: 'donate', expected_cost: 150 });
  });

  it('an actual cost before inspection is a conflict; an unknown line is not found', async () => {
    const id = await receivedReturn('defective');
    const early = await t.call('POST', `/api/v1/returns/${id}/lines/L1/disposition-cost`, { amount: 100 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('conflict');
    const missing = await t.call('POST', `/api/v1/returns/${id}/lines/L9/disposition-cost`, { amount: 100 });
    expect(missing.statusCode).toBe(404);
  });
});

describe('restocked stock', () => {
  it('is due to be put away at its location, tells the inventory webhook, and is marked done once', async () => {
    const hook = await t.call('POST', '/api/v1/webhook-endpoints', {
      url: 'http://127.0.0.1:9/inventory',
      topics: ['inventory.put_away'],
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const id = await receivedReturn('changed_mind');
    expect(
      (await inspect(id, { grade: 'A', disposition: 'restock', location: 'Shelf B-2' })).statusCode,
    ).toBe(200);

    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'webhooks.send')
      .execute();
    const sent = jobs.map((j) => (j.payload as { event: { type: string; data: { detail: unknown } } }).event);
    expect(sent.filter((e) => e.type === 'inventory.put_away').map((e) => e.data.detail)).toEqual([
      {
        line_id: 'L1',
        sku: 'JUMPER-M-BLUE',
        quantity: 1,
        grade: 'A',
        disposition: 'restock',
        location: 'Shelf B-2',
      },
    ]);

    const list = await t.call('GET', '/api/v1/inventory/put-away', undefined, { role: 'warehouse' });
    expect(list.statusCode).toBe(200);
    const shelf = list.json().locations.find((l: { location: string }) => l.location === 'Shelf B-2');
    expect(shelf.units).toBe(1);
    expect(shelf.lines).toMatchObject([{ case_id: id, line_id: 'L1', sku: 'JUMPER-M-BLUE', grade: 'A' }]);

    expect(
      (
        await t.call(
          'POST',
          '/api/v1/inventory/put-away',
          { lines: [{ case_id: id, line_id: 'L1' }] },
          { role: 'agent' },
        )
      ).statusCode,
    ).toBe(403);
    const done = await t.call(
      'POST',
      '/api/v1/inventory/put-away',
      { lines: [{ case_id: id, line_id: 'L1' }] },
      { role: 'warehouse' },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().put_away).toEqual([
      { case_id: id, line_id: 'L1', sku: 'JUMPER-M-BLUE', quantity: 1, location: 'Shelf B-2' },
    ]);
    const again = await t.call('POST', '/api/v1/inventory/put-away', {
      lines: [{ case_id: id, line_id: 'L1' }],
    });
    expect(again.json()).toEqual({ put_away: [], not_waiting: [{ case_id: id, line_id: 'L1' }] });
    const later = (await t.call('GET', '/api/v1/inventory/put-away')).json();
    expect(later.locations.find((l: { location: string }) => l.location === 'Shelf B-2')).toBeUndefined();
  });

  it('a disposed unit is not put away, and an inspection in the old shape still works', async () => {
    const id = await receivedReturn('changed_mind');
    const res = await t.call(
      'POST',
      `/api/v1/returns/${id}/inspect`,
      { lines: [{ line_id: 'L1', grade: 'B', disposition: 'dispose' }] },
      { role: 'warehouse' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const list = (await t.call('GET', '/api/v1/inventory/put-away')).json();
    expect(
      list.locations
        .flatMap((l: { lines: { case_id: string }[] }) => l.lines)
        .some((l: { case_id: string }) => l.case_id === id),
    ).toBe(false);
    const bad = await t.call('POST', `/api/v1/returns/${id}/inspect`, {
      lines: [{ line_id: 'L1', grade: 'B', disposition: 'burn' }],
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('keep-the-item per destination', () => {
  it('weighs the customer label for the destination and weight from the tables, not the flat estimate', async () => {
    // the jumper: 49.99 - 2.50 discount + 7.60 tax per unit = 55.09; 10 % of it is 5.51
    const put = await t.call('PUT', '/api/v1/policy', {
      keep_item: { max_return_cost_share_percent: 10, estimated_return_cost: 100 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const order = await t.call('POST', '/api/v1/orders', makeOrder({ placed_at: daysAgo(8) }));
    const ask = () =>
      t.call('POST', `/api/v1/orders/${order.json().id}/eligibility`, {
        reason: 'changed_mind',
        lines: [{ line_id: 'L1', quantity: 1 }],
      });
    // the tables' default customer label: 5.50 up to 1 kg, plus 1.50 taking it in = 7.00 > 5.51
    const withTables = (await ask()).json();
    expect(withTables.lines[0].keep_item).toBe(true);
    // a cheap label from DE (the order's destination): 2.00 + 1.50 = 3.50 < 5.51
    const cheap = await t.call('PUT', '/api/v1/disposition-costs', {
      ...TABLES,
      labels: { ...TABLES.labels, customer_return: { by_country: { DE: [{ max_grams: 1000, cost: 200 }] } } },
    });
    expect(cheap.statusCode, cheap.body).toBe(200);
    expect((await ask()).json().lines[0].keep_item).toBe(false);
    await t.call('PUT', '/api/v1/disposition-costs', TABLES);
  });
});

describe('the reads behind the options and the inspection', () => {
  it('are one statement, for the options screen and for inspection', async () => {
    const id = await receivedReturn('defective');
    const counted = await t.database.db.transaction().execute(async (trx) => {
      const before = t.database.statements();
      const options = await dispositionOptions(trx, t.store.id, id);
      const afterOptions = t.database.statements();
      const costs = await inspectionCosts(
        trx,
        t.store.id,
        id,
        [{ line_id: 'L1', grade: 'D', disposition: 'return_to_supplier' }],
        new Date(),
      );
      return { options, costs, statements: [afterOptions - before, t.database.statements() - afterOptions] };
    });
    expect(counted.statements).toEqual([1, 1]);
    expect(counted.options.lines[0]?.supplier_position?.claimable).toBe(true);
    expect(counted.costs.get('L1')).toMatchObject({
      recommended: 'return_to_supplier',
      expected_cost: -110,
      currency: 'EUR',
    });
    // not a return of the store: not found, from the same statement
    const missing = await t.call('GET', `/api/v1/returns/${randomUUID()}/disposition-options`);
    expect(missing.statusCode).toBe(404);
  });

  it('give what the separate reads give: store, rates, lines, and units with their supplier', async () => {
    const rates = await t.call('PUT', '/api/v1/exchange-rates', {
      rates: [
        { day: '2026-01-01', base: 'EUR', quote: 'USD', rate: '1.0850' },
        { day: '2026-02-01', base: 'GBP', quote: 'EUR', rate: 1.17 },
      ],
    });
    expect(rates.statusCode, rates.body).toBe(200);
    const id = await receivedReturn('defective');
    expect((await inspect(id, { grade: 'D', disposition: 'return_to_supplier' })).statusCode).toBe(200);
    const now = new Date();
    await t.database.db.transaction().execute(async (trx) => {
      const row = await dispositionFacts(trx, t.store.id, id);
      if (!row) throw new Error('no store');
      const { is_return, rates, lines, units, suppliers, ...store } = row;
      expect(is_return).toBe(true);
      expect(store).toEqual(await getStoredCosts(trx, t.store.id));
      expect(rates).toHaveLength(2);
      expect(rates).toEqual(await allRatesQuery(trx, t.store.id).execute());
      expect(lines).toEqual(await dispositionLines(trx, t.store.id, id));
      const read = readUnitsWithPosition({ units, suppliers }, now);
      expect(read).toHaveLength(1);
      expect(read[0]?.delivered_at).toBeInstanceOf(Date);
      expect(read[0]?.received_at).toBeInstanceOf(Date);
      expect(read).toEqual(await unitsWithPosition(trx, t.store.id, { caseId: id }, now));
    });
  });
});
