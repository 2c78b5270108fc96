// Runs against the real Olist sample beside the repo (../shared/data); it is never copied in (CC BY-NC-SA).
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type OlistResult,
  readOlist,
  readOlistSuppliers,
  reaisToCentavos,
  saoPauloInstant,
} from './import-olist.ts';
import type { OrderInput } from './orders.schemas.ts';

const data = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const dir = `${data}olist-10k-2017`;
const headChunks = { payments: `${data}olist-head-chunks/olist_order_payments_dataset.csv` };

async function collect(files = {}): Promise<OlistResult[]> {
  const out: OlistResult[] = [];
  for await (const r of readOlist(dir, files)) out.push(r);
  return out;
}

describe('readOlist on the 10k sample', () => {
  let results: OlistResult[];
  let orders: Map<string, OrderInput>;
  beforeAll(async () => {
    results = await collect();
    orders = new Map(results.flatMap((r) => ('order' in r ? [[r.order.external_id ?? '', r.order]] : [])));
  }, 60_000);
  const order = (id: string) => {
    const o = orders.get(id);
    if (!o) throw new Error(`${id} was not imported`);
    return o;
  };

  it('imports every order that has items and refuses the 111 without any', () => {
    const refused = results.flatMap((r) => ('errors' in r ? [r] : []));
    expect(results).toHaveLength(10_000);
    expect([...orders.values()].filter((o) => o.customer.time_zone === null)).toEqual([]); // all 27 states map
    expect(orders.size).toBe(9_889);
    expect(refused).toHaveLength(111);
    expect(new Set(refused.map((r) => r.errors.join('; ').replace(/\(order_status \w+\)/, '')))).toEqual(
      new Set(['no items in order_items.csv ']),
    );
  });

  it('e481f51c: a delivered Sao Paulo order before DST, in centavos, with one olist payment', () => {
    const o = order('e481f51cbdc54678b7cc49136f2d6af7');
    expect(o.number).toBe('e481f51cbdc54678b7cc49136f2d6af7');
    expect(o.currency).toBe('BRL');
    expect(o.placed_at).toBe('2017-10-02T10:56:33-03:00');
    expect(o.customer).toEqual({
      email: '7c396fd4830fd04220f754e42b4e5bff@customers.olist.invalid',
      name: null,
      phone: null,
      language: 'pt-BR',
      time_zone: 'America/Sao_Paulo',
      segments: [],
    });
    expect(o.shipping_address).toMatchObject({
      city: 'sao paulo',
      region: 'SP',
      postal_code: '03149',
      country: 'BR',
    });
    expect(o.lines).toEqual([
      {
        id: '1',
        sku: '87285b34884572647811a353c7ac498a',
        title: 'housewares 87285b34',
        variant: null,
        category: 'housewares',
        quantity: 1,
        unit_price: 2999,
        discount: 0,
        tax: 0,
        flags: [],
        supplier: '3504c0cb71d7fa48d967e0e4c94d59d9',
        no_reason_return_waived: false,
        tags: [],
      },
    ]);
    expect(o.shipping).toEqual({ amount: 872, tax: 0 });
    expect(o.payments).toEqual([{ provider: 'olist', reference: null, amount: 3871 }]);
    expect(o.fulfillments).toEqual([
      {
        id: 'F1',
        lines: [{ line_id: '1', quantity: 1 }],
        carrier: null,
        tracking_number: null,
        shipped_at: '2017-10-04T19:55:00-03:00',
        delivered_at: '2017-10-10T21:25:13-03:00',
        origin_country: null,
      },
    ]);
  });

  it('949d5b44: delivered during Brazilian DST (-02:00), customer in Rio Grande do Norte', () => {
    const o = order('949d5b44dbf5de918fe9c16f97b45f8a');
    expect(o.customer.time_zone).toBe('America/Fortaleza');
    expect(o.fulfillments[0]?.delivered_at).toBe('2017-12-02T00:28:42-02:00');
    expect(o.lines.map((l) => [l.category, l.unit_price])).toEqual([['pet_shop', 4500]]);
    expect(o.shipping.amount).toBe(2720);
  });

  it('0758eac6: two identical items become one line of quantity 2', () => {
    const o = order('0758eac62489b47a99c64b7d67c5ff18');
    expect(o.lines.map((l) => [l.id, l.sku, l.category, l.quantity, l.unit_price])).toEqual([
      ['1', 'b9023d686fca0dca3ac844814e92e92b', 'electronics', 2, 2190],
      ['3', '308a7360ee2e0ecfb6aa7708428692af', 'electronics', 1, 2590],
    ]);
    expect(o.shipping.amount).toBe(3879); // 18.47 + 18.47 + 1.85
    expect(o.payments).toEqual([{ provider: 'olist', reference: null, amount: 10849 }]);
    expect(o.fulfillments[0]?.lines).toEqual([
      { line_id: '1', quantity: 2 },
      { line_id: '3', quantity: 1 },
    ]);
  });

  it('keeps canceled orders without a parcel, and drops a carrier date later than the delivery', () => {
    expect(order('013e9c654a339d80b53513da3c1ea437').fulfillments).toEqual([]);
    const late = order('a1abeb653a4d4cd1e142ccb8c82cd069').fulfillments[0];
    expect([late?.shipped_at, late?.delivered_at]).toEqual([null, '2017-07-25T19:32:56-03:00']);
  });
});

describe('readOlist with the head-truncated payments file', () => {
  it('uses the file only for orders it pays in full (421 of the 471 it mentions)', async () => {
    const results = await collect(headChunks);
    const orders = results.flatMap((r) => ('order' in r ? [r.order] : []));
    expect(orders.filter((o) => o.payments.some((p) => p.provider !== 'olist'))).toHaveLength(421);
    const split = orders.find((o) => o.external_id === '683bf306149bb869980b68d48a1bd6ab');
    expect(split?.payments).toEqual([
      { provider: 'credit_card', reference: null, amount: 858 },
      { provider: 'voucher', reference: null, amount: 3000 },
    ]);
    expect(split?.customer.time_zone).toBe('America/Bahia');
    expect(split?.fulfillments[0]?.delivered_at).toBe('2018-01-15T22:35:36-02:00');
    // Only 30.00 of 33.51 is in the truncated file: the order total stands in for the missing part.
    const partial = orders.find((o) => o.external_id === '487c1451b8fd7347d0e80e5aca887e91');
    expect(partial?.payments).toEqual([{ provider: 'olist', reference: null, amount: 3351 }]);
  }, 60_000);
});

describe('readOlistSuppliers', () => {
  it('lists every seller of the sample, placed where the sellers file knows them', async () => {
    const bare = await readOlistSuppliers(dir);
    expect(bare).toHaveLength(1207);
    expect(bare.every((s) => s.city === null)).toBe(true);
    const placed = await readOlistSuppliers(dir, {
      sellers: `${data}olist-head-chunks/olist_sellers_dataset.csv`,
    });
    expect(placed.filter((s) => s.city !== null)).toHaveLength(63);
    expect(placed.find((s) => s.code === 'd1b65fc7debc3361ea86b5f14c68d2e2')).toEqual({
      code: 'd1b65fc7debc3361ea86b5f14c68d2e2',
      name: 'Olist seller d1b65fc7',
      country: 'BR',
      city: 'mogi guacu',
      state: 'SP',
    });
    expect(placed.find((s) => s.code === '3504c0cb71d7fa48d967e0e4c94d59d9')?.city).toBeNull();
  });
});

describe('amount and time parsing', () => {
  it('reads reais strings into centavos exactly', () => {
    expect(['0.1', '29.99', '199.9', '6735', '1.05'].map(reaisToCentavos)).toEqual([
      10, 2999, 19990, 673500, 105,
    ]);
    expect(() => reaisToCentavos('1.005')).toThrow('not an amount');
    expect(() => reaisToCentavos('-1')).toThrow('not an amount');
  });

  it('applies the Sao Paulo offset of the date, DST included', () => {
    expect(saoPauloInstant('2017-02-01 12:00:00')).toBe('2017-02-01T12:00:00-02:00');
    expect(saoPauloInstant('2017-06-01 12:00:00')).toBe('2017-06-01T12:00:00-03:00');
    expect(saoPauloInstant('2017-10-15 00:30:00')).toBe('2017-10-15T01:30:00-02:00'); // the skipped hour
  });

  it("gives luxon's own answer for every hour of 2016 to 2018, DST changes included", () => {
    const differ: string[] = [];
    for (let t = Date.UTC(2016, 0, 1); t < Date.UTC(2019, 0, 1); t += 3_600_000) {
      // every wall-clock hour of those years, at 17:42 past it
      const value = `${new Date(t).toISOString().slice(0, 13).replace('T', ' ')}:17:42`;
      const luxon = DateTime.fromSQL(value, { zone: 'America/Sao_Paulo' }).toISO({
        suppressMilliseconds: true,
      });
      if (saoPauloInstant(value) !== luxon) differ.push(`${value}: ${saoPauloInstant(value)} vs ${luxon}`);
    }
    expect(differ).toEqual([]);
  });
});
