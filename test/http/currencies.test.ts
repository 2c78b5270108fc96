// Money in every currency over HTTP: the policy names its currency, the store keeps exchange rates
// (entered or imported from CSV), and a rouble order is charged the euro fee converted at the
// store's rate, or nothing when there is no rate, with the reason in the explanation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const rubOrder = () =>
  makeOrder({
    currency: 'RUB',
    customer: {
      email: 'ivan@example.ru',
      name: 'Иван Петров',
      language: 'ru',
      time_zone: 'Europe/Moscow',
      segments: [],
    },
    shipping_address: {
      name: 'Иван Петров',
      line1: 'ул. Тверская, 1',
      line2: null,
      city: 'Москва',
      region: null,
      postal_code: '125009',
      country: 'RU',
    },
    lines: [
      {
        id: 'L1',
        sku: 'JUMPER-M-BLUE',
        title: 'Wool jumper',
        variant: 'M / Blue',
        category: 'apparel',
        quantity: 1,
        unit_price: 450_000,
        discount: 0,
        tax: 0,
        flags: [],
        supplier: null,
      },
    ],
    discounts: [],
    shipping: { amount: 0, tax: 0 },
    payments: [{ provider: 'manual', reference: 'pay_rub', amount: 450_000 }],
    fulfillments: [
      {
        id: 'F1',
        lines: [{ line_id: 'L1', quantity: 1 }],
        carrier: 'DHL',
        tracking_number: 'RU1',
        shipped_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        delivered_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      },
    ],
  });

async function eligibility(orderId: string) {
  const res = await t.call('POST', `/api/v1/orders/${orderId}/eligibility`, { language: 'en' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    currency: string;
    lines: {
      fees: { return_shipping: number };
      explanations: { code: string; params: Record<string, unknown>; message: string }[];
    }[];
  };
}

describe('policy money and exchange rates', () => {
  let orderId: string;

  it('saves a policy without a currency in the store currency', async () => {
    const saved = await t.call('PUT', '/api/v1/policy', {
      change_of_mind: { window_days: 30, return_shipping: 'customer', return_shipping_fee: 595 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const got = (await t.call('GET', '/api/v1/policy')).json();
    expect([
      got.currency,
      got.change_of_mind.return_shipping_fee,
      got.change_of_mind.return_shipping_fee_by_currency,
    ]).toEqual(['EUR', 595, {}]);
  });

  it('charges no euro fee as roubles: without a rate there is no fee, and the customer reads why', async () => {
    const order = await t.call('POST', '/api/v1/orders', rubOrder());
    expect(order.statusCode, order.body).toBe(201);
    orderId = order.json().id;
    const d = await eligibility(orderId);
    expect(d.currency).toBe('RUB');
    expect(d.lines[0]?.fees.return_shipping).toBe(0);
    const check = (await t.call('GET', '/api/v1/policy/currency-check')).json();
    expect(check.unpriced).toEqual([{ currency: 'RUB', fields: ['change_of_mind.return_shipping_fee'] }]);
    const why = d.lines[0]?.explanations.find((e) => e.code === 'return_shipping_fee_unavailable');
    expect(why?.message).toContain('RUB');
  });

  it('keeps rates per day, from the API and from CSV, with bad rows reported by line', async () => {
    const put = await t.call('PUT', '/api/v1/exchange-rates', {
      rates: [
        { day: '2026-01-01', base: 'EUR', quote: 'RUB', rate: '90' },
        { day: '2026-02-01', base: 'eur', quote: 'rub', rate: 1.5 },
      ],
    });
    expect(put.json()).toEqual({ saved: 2 });
    const csv =
      'day,base,quote,rate\n2026-02-01,EUR,JPY,161.52\n2026-02-01,EUR,EUR,1\nnot-a-day,EUR,KWD,0.33\n2026-02-01,EUR,KWD,0.3301\n';
    const imported = await t.call('POST', '/api/v1/exchange-rates/import', csv, {
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().saved).toBe(2);
    expect(imported.json().refused.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    const inForce = (await t.call('GET', '/api/v1/exchange-rates?day=2026-01-15')).json().data;
    expect(inForce).toEqual([{ day: '2026-01-01', base: 'EUR', quote: 'RUB', rate: '90' }]);
    const all = (await t.call('GET', '/api/v1/exchange-rates')).json().data;
    expect(all).toHaveLength(4);
  });

  it('lets finance and the owner keep rates, not agents; bad rates are problems', async () => {
    const body = { rates: [{ day: '2026-02-02', base: 'EUR', quote: 'BRL', rate: '6.1' }] };
    expect((await t.call('PUT', '/api/v1/exchange-rates', body, { role: 'agent' })).statusCode).toBe(403);
    expect((await t.call('PUT', '/api/v1/exchange-rates', body, { role: 'finance' })).statusCode).toBe(200);
    const bad = await t.call('PUT', '/api/v1/exchange-rates', {
      rates: [{ day: '2026-02-02', base: 'EUR', quote: 'BRL', rate: '-1' }],
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_request']);
    const zero = await t.call('PUT', '/api/v1/exchange-rates', {
      rates: [{ day: '2026-02-02', base: 'EUR', quote: 'BRL', rate: '0' }],
    });
    expect(zero.statusCode).toBe(400);
  });

  it('warns, per currency the store sells in, of amounts that cannot apply', async () => {
    const before = await t.call('GET', '/api/v1/policy/currency-check');
    expect(before.json()).toEqual({ policy_currency: 'EUR', currencies: ['EUR', 'RUB'], unpriced: [] });
  });

  it('converts the euro fee at the newest rate and names it', async () => {
    const d = await eligibility(orderId);
    // 5.95 EUR x 1.5 = 8.925 -> 8.93 RUB
    expect(d.lines[0]?.fees.return_shipping).toBe(893);
    const note = d.lines[0]?.explanations.find((e) => e.code === 'amount_converted');
    expect(note?.params).toEqual({
      from_amount: 595,
      from_currency: 'EUR',
      amount: 893,
      to_currency: 'RUB',
      rate: '1.5',
      rate_day: '2026-02-01',
    });
  });

  it("uses the store's own rouble fee over any rate", async () => {
    const current = (await t.call('GET', '/api/v1/policy')).json();
    const saved = await t.call('PUT', '/api/v1/policy', {
      ...current,
      change_of_mind: { ...current.change_of_mind, return_shipping_fee_by_currency: { RUB: 50_000 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = await eligibility(orderId);
    expect(d.lines[0]?.fees.return_shipping).toBe(50_000);
    expect(d.lines[0]?.explanations.map((e) => e.code)).not.toContain('amount_converted');
  });

  it('prices an exchange to another size in roubles: the catalogue difference, converted', async () => {
    const products = await t.call('POST', '/api/v1/products', {
      products: [
        {
          sku: 'JUMPER-M-BLUE',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'M / Blue',
          price: 4999,
          currency: 'EUR',
        },
        {
          sku: 'JUMPER-L-BLUE',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'L / Blue',
          price: 5499,
          currency: 'EUR',
        },
        {
          sku: 'JUMPER-S-BLUE',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'S / Blue',
          price: 4999,
          currency: 'EUR',
          prices: { RUB: 440_000 },
        },
      ],
    });
    expect(products.statusCode, products.body).toBeLessThan(300);
    const exchange = (sku: string) =>
      t.call('POST', '/api/v1/returns', {
        order_id: orderId,
        lines: [{ line_id: 'L1', quantity: 1, reason: 'size_too_small' }],
        resolution: { type: 'exchange', lines: [{ line_id: 'L1', sku }] },
        method: 'label',
      });
    const l = await exchange('JUMPER-L-BLUE');
    expect(l.statusCode, l.body).toBe(201);
    // +5.00 EUR at 1.5 = +7.50 RUB over the 4,500.00 RUB paid
    expect(l.json().exchange.difference).toBe(750);
    await t.call('POST', `/api/v1/returns/${l.json().id}/cancel`, {});
    const s = await exchange('JUMPER-S-BLUE');
    expect(s.statusCode, s.body).toBe(201);
    // the store's own rouble price: 4,400.00 RUB, 100.00 RUB less than paid
    expect(s.json().exchange.difference).toBe(-10_000);
  });

  it('reports refunds in the store currency at its rates, naming them and keeping unconverted money apart', async () => {
    const refundOrder = async (body: Record<string, unknown>, key: string) => {
      const o = (await t.call('POST', '/api/v1/orders', body)).json();
      const r = await t.call(
        'POST',
        '/api/v1/returns',
        {
          order_id: o.id,
          lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
          resolution: { type: 'refund' },
          method: 'drop_off',
        },
        { headers: { 'idempotency-key': key } },
      );
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().id;
      if (r.json().status === 'requested') await t.call('POST', `/api/v1/returns/${id}/approve`, {});
      await t.call('POST', `/api/v1/returns/${id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
      await t.call('POST', `/api/v1/returns/${id}/inspect`, {
        lines: [{ line_id: 'L1', grade: 'C', disposition: 'dispose' }],
      });
      const done = await t.call(
        'POST',
        `/api/v1/returns/${id}/resolve`,
        {},
        { headers: { 'idempotency-key': `${key}-r` } },
      );
      expect(done.statusCode, done.body).toBe(200);
      return done.json().refunds[0].amount as number;
    };
    const rub = await refundOrder({ ...rubOrder(), external_id: 'rub-refund', number: 'RUB-2' }, 'rub-1');
    const twd = await refundOrder(
      { ...rubOrder(), currency: 'TWD', external_id: 'twd-refund', number: 'TWD-1' },
      'twd-1',
    );
    const s = (await t.call('GET', '/api/v1/analytics/summary')).json();
    // 4,500.00 RUB at 1 EUR = 1.5 RUB is 3,000.00 EUR; TWD has no rate and is not added
    expect(s.refunds_total).toEqual({
      currency: 'EUR',
      amount: Math.round(rub / 1.5),
      refunds: 2,
      rates: [{ from: 'RUB', rate: '0.66666667', day: '2026-02-01' }],
      unconverted: [{ currency: 'TWD', amount: twd }],
    });
    const byCountry = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=country')).json();
    expect(byCountry.currency).toBe('EUR');
    const csv = await t.call('GET', '/api/v1/analytics/breakdown.csv?dimension=country');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toEqual([
      'country,units_sold,units_returned,returns,return_rate,refunded_EUR,not_converted',
      `RU,3,3,3,1.0000,${(Math.round(rub / 1.5) / 100).toFixed(2)},${(twd / 100).toFixed(2)} TWD`,
    ]);
    // three returns from Russia: the open size exchange and the two refunded
    expect(byCountry.data).toEqual([
      expect.objectContaining({
        key: 'RU',
        currency: 'EUR',
        returns: 3,
        refunded: Math.round(rub / 1.5),
        refunded_unconverted: [{ currency: 'TWD', amount: twd }],
      }),
    ]);
  });

  it('a breakdown cut to one row keeps every currency of that row', async () => {
    const all = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=country')).json();
    const one = (await t.call('GET', '/api/v1/analytics/breakdown?dimension=country&limit=1')).json();
    expect(one.data).toEqual([all.data[0]]);
  });

  it('imports a rate named twice (the last wins) and a year of daily rates for 30 currencies', async () => {
    const twice = 'day,base,quote,rate\n2026-03-01,EUR,USD,1.08\n2026-03-01,eur,usd,1.09\n';
    const res = await t.call('POST', '/api/v1/exchange-rates/import', twice, {
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const usd = (await t.call('GET', '/api/v1/exchange-rates?day=2026-03-01'))
      .json()
      .data.find((r: { quote: string }) => r.quote === 'USD');
    expect(usd.rate).toBe('1.09');
    const quotes = Array.from(
      { length: 30 },
      (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
    );
    const rows = ['day,base,quote,rate'];
    for (let d = 0; d < 365; d++) {
      const day = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      for (const q of quotes) rows.push(`${day},EUR,${q},1.5`);
    }
    const year = await t.call('POST', '/api/v1/exchange-rates/import', rows.join('\n'), {
      headers: { 'content-type': 'text/csv' },
    });
    expect(year.statusCode, year.body.slice(0, 300)).toBe(200);
    expect(year.json().saved).toBe(365 * 30);
  });
});

describe('exchanges priced for the line they replace', () => {
  it('a same-priced size costs what that line paid, and the same item again costs nothing more', async () => {
    await t.call('POST', '/api/v1/products', {
      products: ['M', 'L', 'S'].map((size) => ({
        sku: `J2-${size}`,
        product_group: 'J2',
        title: 'Jumper',
        variant: size,
        price: 4999,
        currency: 'EUR',
        ...(size === 'M' ? { prices: { RUB: 440_000 } } : {}),
      })),
    });
    const body = rubOrder() as Record<string, unknown> & { lines: Record<string, unknown>[] };
    const line = body.lines[0] as Record<string, unknown>;
    const order = await t.call('POST', '/api/v1/orders', {
      ...body,
      external_id: 'rub-two-lines',
      number: 'RUB-3',
      lines: [
        { ...line, id: 'L1', sku: 'J2-M', unit_price: 450_000 },
        { ...line, id: 'L2', sku: 'J2-L', unit_price: 300_000 },
      ],
      payments: [{ provider: 'manual', reference: 'pay_rub3', amount: 750_000 }],
      fulfillments: [
        {
          ...(body.fulfillments as Record<string, unknown>[])[0],
          lines: [
            { line_id: 'L1', quantity: 1 },
            { line_id: 'L2', quantity: 1 },
          ],
        },
      ],
    });
    expect(order.statusCode, order.body).toBe(201);
    const exchange = async (lineId: string, sku: string) => {
      const r = await t.call('POST', `/api/v1/orders/${order.json().id}/eligibility`, {
        lines: [{ line_id: lineId, quantity: 1 }],
        reason: 'size_too_small',
        resolution: { type: 'exchange', lines: [{ line_id: lineId, sku }] },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().exchange;
    };
    // L2 paid 3,000.00 RUB; S costs the same as L in the catalogue: no difference, only the label fee
    // (the store's 500.00 RUB set above) is due
    const s = await exchange('L2', 'J2-S');
    expect(s).toMatchObject({ difference: 0, fees: 50_000, due_from_customer: 50_000 });
    // L1 again: the catalogue's own rouble price (4,400.00) is not what L1 paid; the same item is even
    expect(await exchange('L1', 'J2-M')).toMatchObject({ difference: 0, refund: 0 });
  });
});
