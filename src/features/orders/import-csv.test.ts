import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CsvImportResult, CsvLayoutError, readOrdersCsv } from './import-csv.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/orders.csv', import.meta.url));

async function collect(input: NodeJS.ReadableStream): Promise<CsvImportResult[]> {
  const out: CsvImportResult[] = [];
  for await (const r of readOrdersCsv(input)) out.push(r);
  return out;
}

const HEADER =
  'order_number,currency,placed_at,customer_email,ship_name,ship_line1,ship_city,ship_country,sku,title,quantity,unit_price';
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    order_number: '1',
    currency: 'EUR',
    placed_at: '2026-03-01T10:00:00Z',
    customer_email: 'a@example.de',
    ship_name: 'A',
    ship_line1: 'Street 1',
    ship_city: 'Berlin',
    ship_country: 'DE',
    sku: 'S',
    title: 'T',
    quantity: '1',
    unit_price: '100',
    ...over,
  };
  return HEADER.split(',')
    .map((c) => base[c] ?? '')
    .join(',');
};
const csv = (...lines: string[]) => Readable.from([`${lines.join('\r\n')}\r\n`]);

describe('readOrdersCsv on the fixture', async () => {
  const results = await collect(createReadStream(fixture));
  const byNumber = (n: string) => results.filter((r) => ('order' in r ? r.order.number : r.number) === n);

  it('yields every order group in file order, good and refused', () => {
    expect(results.map((r) => ['order' in r ? 'ok' : 'refused', r.rows])).toEqual([
      ['ok', [2, 3]],
      ['ok', [4]],
      ['refused', [6]],
      ['refused', [7, 8]],
      ['refused', [9]],
      ['refused', [10, 11]],
      ['refused', [12]],
      ['ok', [13]],
      ['refused', [14]],
      ['refused', [15]],
    ]);
  });

  it('builds order 1001 with order-level cells from its first row and one parcel per tracking number', () => {
    const [r] = byNumber('1001');
    if (!r || !('order' in r)) throw new Error('1001 not imported');
    const o = r.order;
    expect(o.external_id).toBe('shop-1001');
    expect(o.channel).toBe('shopify');
    expect(o.customer).toEqual({
      email: 'anna@example.de',
      name: 'Anna Schmidt',
      phone: '+4915112345678',
      language: 'de',
      time_zone: 'Europe/Berlin',
      segments: ['vip', 'newsletter'],
    });
    expect(o.shipping_address).toEqual({
      name: 'Anna Schmidt',
      line1: 'Invalidenstr. 1',
      line2: null,
      city: 'Berlin',
      region: null,
      postal_code: '10115',
      country: 'DE',
    });
    expect(
      o.lines.map((l) => [
        l.id,
        l.sku,
        l.title,
        l.variant,
        l.quantity,
        l.unit_price,
        l.discount,
        l.tax,
        l.supplier,
      ]),
    ).toEqual([
      ['L1', 'JUMPER-M-BLUE', 'Wool jumper', 'M / Blue', 2, 4999, 500, 1520, 'SUP-1'],
      ['L2', 'SCARF-RED', 'Scarf, red', null, 1, 1999, 0, 380, null],
    ]);
    expect(o.discounts).toEqual([{ code: null, amount: 1000 }]);
    expect(o.shipping).toEqual({ amount: 499, tax: 95 });
    expect(o.payments).toEqual([{ provider: 'manual', reference: 'pay_123', amount: 12991 }]);
    expect(o.fulfillments).toEqual([
      {
        id: 'F1',
        lines: [{ line_id: 'L1', quantity: 2 }],
        carrier: 'DHL',
        tracking_number: 'JD0146000067',
        shipped_at: '2026-03-02T08:00:00Z',
        delivered_at: '2026-03-04T13:12:00Z',
        origin_country: null,
      },
      {
        id: 'F2',
        lines: [{ line_id: 'L2', quantity: 1 }],
        carrier: 'DHL',
        tracking_number: 'JD0146000099',
        shipped_at: '2026-03-03T08:00:00Z',
        delivered_at: null,
        origin_country: null,
      },
    ]);
  });

  it('builds 1002: a delivery without tracking number, a multi-line cell, CJK text, defaults', () => {
    const [r] = byNumber('1002');
    if (!r || !('order' in r)) throw new Error('1002 not imported');
    expect(r.order.channel).toBe('csv');
    expect(r.order.customer.name).toBe('王小明');
    expect(r.order.shipping_address.line2).toBe('Building 3\nRoom 401');
    expect(r.order.lines).toEqual([
      {
        id: '1',
        sku: 'MUG-1',
        title: 'Mug "Fuji"',
        variant: null,
        category: null,
        quantity: 3,
        unit_price: 1200,
        discount: 0,
        tax: 0,
        flags: ['final_sale', 'personalized'],
        supplier: null,
        no_reason_return_waived: false,
        tags: [],
      },
    ]);
    expect(r.order.fulfillments).toEqual([
      {
        id: 'F1',
        lines: [{ line_id: '1', quantity: 3 }],
        carrier: null,
        tracking_number: null,
        shipped_at: null,
        delivered_at: '2026-02-14T15:00:00+09:00',
        origin_country: null,
      },
    ]);
    expect(r.order.payments).toEqual([]);
  });

  it('builds 1007: unshipped, return terms not disclosed', () => {
    const [r] = byNumber('1007');
    if (!r || !('order' in r)) throw new Error('1007 not imported');
    expect(r.order.return_terms_disclosed).toBe(false);
    expect(r.order.fulfillments).toEqual([]);
    expect(r.order.shipping_address.region).toBe('MA');
  });

  it('gives the exact reasons for each refused order', () => {
    const refusals = results.flatMap((r) => ('errors' in r ? [[r.number, r.errors]] : []));
    expect(refusals).toEqual([
      [
        '1003',
        [
          'row 6: unit_price: "49.99" is a decimal; amounts are integers in minor units (write 4999 for 49.99 EUR)',
        ],
      ],
      ['1004', ['row 8: currency "USD" differs from "EUR" on row 7']],
      [
        '1005',
        [
          'customer.email: Invalid email address',
          'customer.time_zone: unknown IANA time zone',
          'lines.0.flags.0: Invalid option: expected one of "final_sale"|"personalized"|"perishable"|"sealed_hygiene"|"sealed_media"|"digital"',
        ],
      ],
      [
        '1006',
        [
          'row 11: delivered_at "2026-03-04T10:00:00+01:00" differs from "2026-03-03T10:00:00+01:00" on row 10 for tracking number 3SABC',
        ],
      ],
      [null, ['row 12: order_number: required']],
      ['1001', ['row 14: order_number 1001 already appeared from row 2; rows of one order must be adjacent']],
      ['1008', ['row 15: has 5 cells, the header has 40']],
    ]);
  });
});

describe('readOrdersCsv edge cases', () => {
  it('reads CRLF files with a BOM and only the required columns', async () => {
    const [r] = await collect(Readable.from([`\uFEFF${HEADER}\r\n${row()}\r\n`]));
    expect(r && 'order' in r && r.order.lines[0]?.unit_price).toBe(100);
  });

  it('explains decimals per currency and refuses fractional quantities', async () => {
    const res = await collect(
      csv(
        HEADER,
        row({ unit_price: '12.5' }),
        row({ order_number: '2', currency: 'JPY', unit_price: '12.5' }),
        row({ order_number: '3', quantity: '1.5' }),
      ),
    );
    expect(res.map((r) => ('errors' in r ? r.errors : []))).toEqual([
      [
        'row 2: unit_price: "12.5" is a decimal; amounts are integers in minor units (write 1250 for 12.5 EUR)',
      ],
      ['row 3: unit_price: "12.5" is a decimal; amounts are integers in minor units'],
      ['row 4: quantity: "1.5" is not a whole number'],
    ]);
  });

  it('reads tags and product_tags as semicolon lists, normalised as in the API', async () => {
    const res = await collect(
      csv(
        `${HEADER},tags,product_tags`,
        `${row()}, Gift ;B2B;gift,Clearance`,
        `${row({ sku: 'S2' })},,summer  sale;`,
        `${row({ order_number: '2' })},,ok;${'x'.repeat(101)}`,
      ),
    );
    const [ok, bad] = res;
    if (!ok || !('order' in ok)) throw new Error('order 1 refused');
    expect(ok.order.tags).toEqual(['gift', 'b2b']);
    expect(ok.order.lines.map((l) => l.tags)).toEqual([['clearance'], ['summer sale']]);
    expect(bad && 'errors' in bad && bad.errors).toEqual([
      'lines.0.tags.1: Too big: expected string to have <=100 characters',
    ]);
  });

  it('stops on a header it cannot trust, naming the columns', async () => {
    await expect(collect(csv(`${HEADER},colour`, row()))).rejects.toThrow(CsvLayoutError);
    await expect(collect(csv(HEADER.replace(',title', ''), row()))).rejects.toThrow(
      'missing column(s): title',
    );
    await expect(collect(csv(`${HEADER},colour,sku`))).rejects.toThrow(
      'unknown column(s): colour; repeated column(s): sku (see docs/import-orders-csv.md)',
    );
    await expect(collect(Readable.from(['']))).rejects.toThrow('the file is empty');
  });
});
