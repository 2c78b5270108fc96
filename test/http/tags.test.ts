// Tags on orders, order lines and catalogue products: stored normalised, shown in the JSON, and seen
// by the policy's `when.tags` rules wherever the engine decides.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrdersCsv } from '../../src/features/orders/import-csv.ts';
import { importOrders } from '../../src/features/orders/import-orders.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

let t: TestApp;

const RULES = [
  { name: 'Clearance is final sale', when: { tags: ['clearance'] }, then: { returnable: false } },
  {
    name: 'Gift orders: 60 days, free return',
    when: { tags: ['vip-gift'] },
    then: { window_days: 60, free_return_shipping: true },
  },
];

beforeAll(async () => {
  t = await createTestApp();
  const saved = await t.call('PUT', '/api/v1/policy', {
    // the store's fee for the US dollar orders below (its base fee is in euros)
    change_of_mind: {
      window_days: 30,
      return_shipping: 'customer',
      return_shipping_fee: 595,
      return_shipping_fee_by_currency: { USD: 695 },
    },
    rules: RULES,
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

const line = (id: string, sku: string, over: Record<string, unknown> = {}) => ({
  id,
  sku,
  title: sku,
  variant: null,
  category: 'apparel',
  quantity: 1,
  unit_price: 3000,
  discount: 0,
  tax: 0,
  flags: [],
  supplier: null,
  ...over,
});

/** An order to Texas (no statutory change-of-mind right), every line delivered `delivered` days ago. */
function usOrder(lines: ReturnType<typeof line>[], over: Record<string, unknown> = {}, delivered = 3) {
  return makeOrder({
    currency: 'USD',
    customer: {
      email: 'tex@example.com',
      name: 'Tex',
      phone: null,
      language: 'en',
      time_zone: 'America/Chicago',
      segments: [],
    },
    shipping_address: {
      name: 'Tex',
      line1: '1 Main St',
      line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '73301',
      country: 'US',
    },
    lines,
    discounts: [],
    shipping: { amount: 0, tax: 0 },
    payments: [{ provider: 'manual', reference: null, amount: 3000 * lines.length }],
    fulfillments: [
      {
        id: 'F1',
        lines: lines.map((l) => ({ line_id: l.id, quantity: 1 })),
        carrier: 'UPS',
        tracking_number: null,
        shipped_at: daysAgo(delivered + 1),
        delivered_at: daysAgo(delivered),
      },
    ],
    ...over,
  });
}

async function post(body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/v1/orders', body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

async function eligibility(orderId: string, body: Record<string, unknown> = {}) {
  const res = await t.call('POST', `/api/v1/orders/${orderId}/eligibility`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    eligible: boolean;
    lines: {
      line_id: string;
      eligible: boolean;
      return_shipping_paid_by: string;
      fees: { return_shipping: number };
      explanations: { code: string; source: string }[];
    }[];
  };
}

const byLine = (el: Awaited<ReturnType<typeof eligibility>>) =>
  Object.fromEntries(el.lines.map((l) => [l.line_id, l]));

describe('tags in the API', () => {
  it('normalises order and line tags and shows them on the order', async () => {
    const o = await post(
      usOrder(
        [line('L1', 'TAG-A', { tags: [' Clearance', 'CLEARANCE ', 'Summer   Sale'] }), line('L2', 'TAG-B')],
        {
          tags: ['VIP-Gift ', 'b2b', 'vip-gift'],
        },
      ),
    );
    expect(o.tags).toEqual(['vip-gift', 'b2b']);
    expect(o.lines.map((l: { tags: string[] }) => l.tags)).toEqual([['clearance', 'summer sale'], []]);
    const got = (await t.call('GET', `/api/v1/orders/${o.id}`, undefined, { role: 'read_only' })).json();
    expect(got.tags).toEqual(['vip-gift', 'b2b']);
    expect(got.lines[0].tags).toEqual(['clearance', 'summer sale']);
  });

  it('replaces the tags when the order is sent again', async () => {
    const body = usOrder([line('L1', 'TAG-C', { tags: ['clearance'] })], { tags: ['vip-gift'] });
    const first = await post(body);
    const again = await post({ ...body, tags: ['b2b'], lines: [line('L1', 'TAG-C')] });
    expect(again.id).toBe(first.id);
    expect([again.tags, again.lines[0].tags]).toEqual([['b2b'], []]);
  });

  it.each([
    ['a string for the list', { tags: 'clearance' }, 'tags'],
    ['a number in the list', { tags: [42] }, 'tags.0'],
    ['a blank tag', { tags: ['   '] }, 'tags.0'],
    ['a tag of 101 characters', { tags: ['x'.repeat(101)] }, 'tags.0'],
    ['a comma inside a tag', { tags: ['clearance,sale'] }, 'tags.0'],
    ['101 tags', { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, 'tags'],
    ['a bad line tag', { lines: [line('L1', 'TAG-D', { tags: ['ok', 'y'.repeat(101)] })] }, 'lines.0.tags.1'],
  ])('refuses %s with a problem naming the path, and changes nothing', async (_, over, path) => {
    const body = usOrder([line('L1', 'TAG-D', { tags: ['clearance'] })], { tags: ['b2b'] });
    const stored = await post(body);
    const res = await t.call('POST', '/api/v1/orders', { ...body, ...over });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('invalid_request');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    const got = (await t.call('GET', `/api/v1/orders/${stored.id}`)).json();
    expect([got.tags, got.lines[0].tags, got.updated_at]).toEqual([
      ['b2b'],
      ['clearance'],
      stored.updated_at,
    ]);
  });

  it('takes catalogue tags normalised, shows them, and refuses bad ones without writing', async () => {
    const ok = await t.call('POST', '/api/v1/products', {
      products: [
        { sku: 'CAT-1', title: 'Scarf', price: 1999, currency: 'USD', tags: ['Winter ', 'winter', 'Gift'] },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await t.call('POST', '/api/v1/products', {
      products: [{ sku: 'CAT-1', title: 'Scarf', price: 1999, currency: 'USD', tags: ['a;b'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['products.0.tags.0']);
    const listed = (await t.call('GET', '/api/v1/products?sku=CAT-1')).json().data;
    expect(listed.map((p: { tags: string[] }) => p.tags)).toEqual([['winter', 'gift']]);
  });

  it('documents the tags in the OpenAPI schema of the order body', async () => {
    const doc = (await t.call('GET', '/docs/json', undefined, { token: null })).json();
    const body = doc.paths['/api/v1/orders'].post.requestBody.content['application/json'].schema;
    expect(body.properties.tags).toMatchObject({ type: 'array', maxItems: 100, items: { maxLength: 100 } });
    expect(body.properties.lines.items.properties.tags).toMatchObject({ type: 'array', maxItems: 100 });
  });
});

describe('rules that match on tags', () => {
  it('makes a clearance line final sale in the US while its untagged sibling stays returnable', async () => {
    const o = await post(usOrder([line('L1', 'PLAIN-1'), line('L2', 'CLEAR-1', { tags: ['Clearance'] })]));
    const el = byLine(await eligibility(o.id));
    expect([el.L1?.eligible, el.L2?.eligible]).toEqual([true, false]);
    expect(el.L2?.explanations.at(-1)).toMatchObject({
      code: 'not_returnable_rule',
      source: 'policy v2, rule 1',
    });

    const refused = await t.call(
      'POST',
      '/api/v1/returns',
      {
        order_id: o.id,
        lines: [{ line_id: 'L2', quantity: 1, reason: 'changed_mind' }],
        resolution: { type: 'refund' },
        method: 'label',
      },
      { headers: { 'idempotency-key': `clear-${o.id}` } },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not_eligible');

    // The rule is for a change of mind: a defective clearance item still goes back.
    const fault = byLine(await eligibility(o.id, { reason: 'defective' }));
    expect(fault.L2?.eligible).toBe(true);

    const accepted = await t.call(
      'POST',
      '/api/v1/returns',
      {
        order_id: o.id,
        lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
        resolution: { type: 'refund' },
        method: 'label',
      },
      { headers: { 'idempotency-key': `plain-${o.id}` } },
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('applies a catalogue product tag to every order line of that SKU', async () => {
    const put = await t.call('POST', '/api/v1/products', {
      products: [{ sku: 'CLEAR-CAT', title: 'Old stock', price: 3000, currency: 'USD', tags: ['CLEARANCE'] }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const o = await post(usOrder([line('L1', 'PLAIN-2'), line('L2', 'CLEAR-CAT')]));
    expect(o.lines[1].tags).toEqual([]);
    const el = byLine(await eligibility(o.id));
    expect([el.L1?.eligible, el.L2?.eligible]).toEqual([true, false]);
  });

  it('lets an order tag lengthen the window and waive the return postage', async () => {
    const plain = await post(usOrder([line('L1', 'GIFT-1')], {}, 40));
    const gift = await post(usOrder([line('L1', 'GIFT-1')], { tags: ['VIP-Gift'] }, 40));
    const p = byLine(await eligibility(plain.id)).L1;
    const g = byLine(await eligibility(gift.id)).L1;
    expect(p?.eligible).toBe(false);
    expect([g?.eligible, g?.return_shipping_paid_by, g?.fees.return_shipping]).toEqual([true, 'merchant', 0]);

    const fresh = byLine(await eligibility((await post(usOrder([line('L1', 'GIFT-1')]))).id)).L1;
    expect([fresh?.return_shipping_paid_by, fresh?.fees.return_shipping]).toEqual(['customer', 695]);
  });

  it('shows a draft tag rule in the policy preview', async () => {
    await post(usOrder([line('L1', 'PREV-1')], { number: 'TAG-PREVIEW', tags: ['wholesale'] }));
    const preview = async (rules: unknown[]) => {
      const res = await t.call('POST', '/api/v1/policy/preview', {
        policy: { change_of_mind: { window_days: 30 }, rules },
        order_number: 'TAG-PREVIEW',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().lines[0].eligible;
    };
    expect(await preview([])).toBe(true);
    expect(await preview([{ when: { tags: ['wholesale'] }, then: { returnable: false } }])).toBe(false);
  });

  it('reads tags and product_tags from a CSV import, and a re-import replaces them', async () => {
    const header =
      'order_number,external_id,currency,placed_at,customer_email,ship_name,ship_line1,ship_city,ship_country,sku,title,quantity,unit_price,delivered_at,tags,product_tags';
    const rows = (tags: string, productTags: string) =>
      [
        header,
        `CSV-T1,csv-t1,USD,${daysAgo(50)},tex@example.com,Tex,1 Main St,Austin,US,CSV-A,A,1,3000,${daysAgo(40)},${tags},`,
        `CSV-T1,,,,,,,,,CSV-B,B,1,3000,${daysAgo(40)},,${productTags}`,
      ].join('\n');
    const run = (csv: string) => importOrders(t.database, t.store.id, readOrdersCsv(Readable.from([csv])));

    const first = await run(rows(' VIP-Gift ;b2b', 'Clearance'));
    expect([first.created, first.refused]).toEqual([1, []]);
    const o = (await t.call('GET', '/api/v1/orders?external_id=csv-t1')).json().data[0];
    expect([o.tags, o.lines[0].tags, o.lines[1].tags]).toEqual([['vip-gift', 'b2b'], [], ['clearance']]);
    const el = byLine(await eligibility(o.id));
    // 40 days after delivery: the gift tag's 60 days hold for line 1; line 2 is clearance.
    expect([el['1']?.eligible, el['2']?.eligible]).toEqual([true, false]);

    const again = await run(rows('', ''));
    expect(again.updated).toBe(1);
    const re = (await t.call('GET', `/api/v1/orders/${o.id}`)).json();
    expect([re.tags, re.lines[1].tags]).toEqual([[], []]);
    expect(byLine(await eligibility(o.id))['1']?.eligible).toBe(false);
  });
});

describe('customer segments', () => {
  const customer = (segments: string[]) => ({
    email: 'segments@example.de',
    name: 'Seg Ment',
    phone: null,
    language: 'de',
    time_zone: 'Europe/Berlin',
    segments,
  });

  it('are written as tags are: "Flagged" from a store platform still sends a return to review', async () => {
    const res = await t.call(
      'POST',
      '/api/v1/orders',
      makeOrder({ customer: customer([' Flagged ', 'VIP', 'vip']) }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order.customer.segments).toEqual(['flagged', 'vip']);
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    expect(ret.status).toBe('requested');
    expect(ret.review_reasons.map((r: { code: string }) => r.code)).toContain('review_segment');
    const found = (await t.call('GET', '/api/v1/returns?segment=FLAGGED&limit=200')).json().data;
    expect(found.map((r: { id: string }) => r.id)).toContain(ret.id);
    const blank = await t.call('POST', '/api/v1/orders', makeOrder({ customer: customer(['  ']) }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe('customer.segments.0');
  });

  it('in a policy are read the same way', async () => {
    const before = (await t.call('GET', '/api/v1/policy')).json();
    const saved = await t.call('PUT', '/api/v1/policy', {
      rules: RULES.map((r) => ({ ...r, when: { ...r.when, segments: [' Wholesale'] } })),
      auto_approve: { exclude_segments: ['Flagged', ' Blocked '] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().auto_approve.exclude_segments).toEqual(['flagged', 'blocked']);
    expect(saved.json().rules[0].when.segments).toEqual(['wholesale']);
    const restored = await t.call('PUT', '/api/v1/policy', { ...before, version: saved.json().version });
    expect(restored.statusCode, restored.body).toBe(200);
  });
});
