import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

// Each lookup from its own address, so the per-address rate limit is only met where a test means it.
let address = 0;
const lookup = (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/stores/test-store/lookup',
    payload: body,
    remoteAddress: `127.0.1.${++address}`,
  });
const as = (
  token: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { 'x-portal-token': token, ...headers },
  });

async function portalFor(over: Record<string, unknown>) {
  const order = (await t.call('POST', '/api/v1/orders', makeOrder(over))).json();
  const res = await lookup({ order_number: order.number, email: order.customer.email });
  expect(res.statusCode, res.body).toBe(200);
  return { order, token: res.json().token as string };
}

describe('finding the order', () => {
  it('answers with a signed token for number + email or number + postal code, and the same refusal for any wrong part', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'P-100' }))).json();
    const byEmail = await lookup({ order_number: 'P-100', email: ' ANNA@example.de ' });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.json()).toMatchObject({ store: { slug: 'test-store' } });
    expect(Date.parse(byEmail.json().expires_at) - Date.now()).toBeGreaterThan(71 * 3600 * 1000);
    expect((await lookup({ order_number: 'P-100', postal_code: '10 115' })).statusCode).toBe(200);
    const wrongEmail = await lookup({ order_number: 'P-100', email: 'someone@else.de' });
    const wrongNumber = await lookup({ order_number: 'P-999', email: 'anna@example.de' });
    expect(wrongEmail.statusCode).toBe(404);
    expect(wrongEmail.json().detail).toBe(wrongNumber.json().detail);
    const german = await lookup({ order_number: 'P-999', email: 'anna@example.de', language: 'de' });
    expect(german.json().detail).toMatch(/Bestellung/);
    expect((await lookup({ order_number: 'P-100' })).statusCode).toBe(400);
    expect(order.id).toBeTypeOf('string');
  });

  it('refuses a missing or tampered token', async () => {
    const { token } = await portalFor({});
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal/order' })).statusCode).toBe(401);
    const tampered = `${token.slice(0, -3)}${token.slice(-3) === 'aaa' ? 'bbb' : 'aaa'}`;
    const res = await as(tampered, 'GET', '/api/v1/portal/order');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
  });

  it('limits lookups from one address, with a stable code and the seconds to wait', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++)
      answers.push(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/portal/stores/test-store/lookup',
          // A different order each time: the per-order guessing limit is test/http/guessing.test.ts's.
          payload: { order_number: `X-${i}`, email: 'x@y.z' },
          remoteAddress: '10.9.9.9',
        }),
      );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    const limited = answers[11]?.json();
    expect(limited.code).toBe('rate_limited');
    // the window is a minute: what is left of it, in whole seconds, as the Retry-After header says
    expect(limited.retry_after_seconds).toBe(Number(answers[11]?.headers['retry-after']));
    expect(limited.retry_after_seconds).toBeGreaterThan(0);
    expect(limited.retry_after_seconds).toBeLessThanOrEqual(60);
  });
});

describe('a customer returns through the portal', () => {
  it('sees each line with its decision, requests a return with a photo, and follows it', async () => {
    const { token } = await portalFor({ number: 'P-200' });
    const page = await as(token, 'GET', '/api/v1/portal/order?language=de');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.order).toMatchObject({
      number: 'P-200',
      withdrawal_available: true,
      destination_country: 'DE',
    });
    expect(body.eligibility.lines[0]).toMatchObject({ line_id: 'L1', eligible: true });
    expect(body.eligibility.lines[0].explanations[0].message).toMatch(/[äöüß]|Tage|Rückgabe|Widerruf/);

    const created = await as(
      token,
      'POST',
      '/api/v1/portal/returns',
      {
        lines: [{ line_id: 'L1', quantity: 1, reason: 'defective', note: 'Seam open' }],
        resolution: { type: 'refund' },
        method: 'label',
      },
      { 'idempotency-key': 'portal-1' },
    );
    expect(created.statusCode, created.body).toBe(201);
    const ret = created.json();
    expect(ret.rma).toMatch(/^R-/);
    expect(ret).not.toHaveProperty('review_reasons');
    expect(ret.timeline.map((e: { type: string }) => e.type)).toEqual(['requested']);

    const form = new FormData();
    form.append('line_id', 'L1');
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'seam.png');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/returns/${ret.id}/evidence`,
      payload: form,
      headers: { 'x-portal-token': token },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().data[0]).toMatchObject({ filename: 'seam.png', content_type: 'image/png' });

    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`)).json().data;
    expect(events[0].actor).toBe('customer:anna@example.de');
    await t.call('POST', `/api/v1/returns/${ret.id}/approve`, {});
    const label = await as(token, 'GET', `/api/v1/portal/returns/${ret.id}/label.pdf`);
    expect(label.statusCode).toBe(200);
    expect(label.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const status = (await as(token, 'GET', `/api/v1/portal/returns/${ret.id}`)).json();
    expect(status).toMatchObject({ status: 'approved', has_label: true });
    expect(status.timeline.map((e: { type: string }) => e.type)).toEqual(['requested', 'approved']);
  });

  it("cannot reach another order's return", async () => {
    const a = await portalFor({ number: 'P-300' });
    const b = await portalFor({
      number: 'P-301',
      customer: {
        email: 'other@example.de',
        name: 'O',
        phone: null,
        language: 'de',
        time_zone: 'Europe/Berlin',
        segments: [],
      },
    });
    const ret = (
      await as(a.token, 'POST', '/api/v1/portal/returns', { lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    expect((await as(b.token, 'GET', `/api/v1/portal/returns/${ret.id}`)).statusCode).toBe(404);
    expect((await as(b.token, 'GET', `/api/v1/portal/returns/${ret.id}/label.pdf`)).statusCode).toBe(404);
  });

  it('tells the refund as it is: being paid while a manual refund is unpaid, paid with its date once confirmed', async () => {
    const { token } = await portalFor({ number: 'P-310' });
    const ret = (
      await as(
        token,
        'POST',
        '/api/v1/portal/returns',
        { lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }], resolution: { type: 'refund' } },
        { 'idempotency-key': 'portal-310' },
      )
    ).json();
    await t.call('POST', `/api/v1/returns/${ret.id}/approve`, {});
    await t.call('POST', `/api/v1/returns/${ret.id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
    await t.call('POST', `/api/v1/returns/${ret.id}/inspect`, {
      lines: [{ line_id: 'L1', grade: 'A', checklist: {}, disposition: 'restock' }],
    });
    const before = (await as(token, 'GET', `/api/v1/portal/returns/${ret.id}`)).json();
    expect(before.refund_progress).toMatchObject({ state: 'not_yet', paid_amount: 0, paid_at: null });
    const resolved = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/resolve`,
      {},
      { role: 'finance', headers: { 'idempotency-key': 'res-310' } },
    );
    expect(resolved.json().status).toBe('completed');
    await t.runJobs();

    const unpaid = (await as(token, 'GET', `/api/v1/portal/returns/${ret.id}`)).json();
    expect(unpaid.status).toBe('completed');
    expect(unpaid.refunds).toEqual([
      { amount: unpaid.refund.total, currency: 'EUR', status: 'requires_action', paid_at: null },
    ]);
    expect(unpaid.refund_progress).toMatchObject({
      state: 'being_paid',
      delay: null,
      amount: unpaid.refund.total,
      paid_amount: 0,
      paid_at: null,
    });

    const [manual] = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json().refunds;
    const confirmed = await t.call(
      'POST',
      `/api/v1/refunds/${manual.id}/confirm`,
      { reference: 'bank-310' },
      { role: 'finance' },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const paid = (await as(token, 'GET', `/api/v1/portal/returns/${ret.id}`)).json();
    expect(paid.refund_progress).toMatchObject({ state: 'paid', paid_amount: unpaid.refund.total });
    expect(Date.now() - Date.parse(paid.refund_progress.paid_at)).toBeLessThan(60_000);
    expect(paid.refunds[0].paid_at).toBe(paid.refund_progress.paid_at);
  });
});

describe('EU withdrawal (art. 11a)', () => {
  it('records the declaration with its content, date and time, and starts the return', async () => {
    const { order, token } = await portalFor({ number: 'P-400' });
    const unconfirmed = await as(token, 'POST', '/api/v1/portal/withdrawal', {
      name: 'Anna Schmidt',
      email: 'anna@example.de',
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().errors[0].path).toBe('confirm');

    const res = await as(token, 'POST', '/api/v1/portal/withdrawal', {
      name: 'Anna Schmidt',
      email: 'anna@example.de',
      confirm: true,
      language: 'de',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { withdrawal, return: ret } = res.json();
    expect(withdrawal.statement).toContain('Anna Schmidt');
    expect(withdrawal.statement).toContain('P-400');
    expect(withdrawal.statement).toMatch(/^Hiermit widerrufe ich/);
    expect(withdrawal.lines).toEqual([{ line_id: 'L1', quantity: 2 }]);
    expect(ret.timeline.map((e: { type: string }) => e.type)).toContain('withdrawal_declared');
    const stored = await t.database.db
      .selectFrom('withdrawals')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'Anna Schmidt',
      statement: withdrawal.statement,
      case_id: ret.id,
    });

    const again = await as(token, 'POST', '/api/v1/portal/withdrawal', {
      name: 'Anna Schmidt',
      email: 'anna@example.de',
      confirm: true,
    });
    expect(again.statusCode).toBe(422);
  });

  it('is not offered outside the EU, EEA and UK', async () => {
    const { token } = await portalFor({
      number: 'P-500',
      currency: 'USD',
      customer: {
        email: 'us@example.com',
        name: 'U',
        phone: null,
        language: 'en',
        time_zone: 'America/New_York',
        segments: [],
      },
      shipping_address: {
        name: 'U',
        line1: '1 Main',
        line2: null,
        city: 'NYC',
        region: 'NY',
        postal_code: '10001',
        country: 'US',
      },
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 2 }],
          carrier: null,
          tracking_number: null,
          shipped_at: daysAgo(4),
          delivered_at: daysAgo(2),
        },
      ],
    });
    expect((await as(token, 'GET', '/api/v1/portal/order')).json().order.withdrawal_available).toBe(false);
    const res = await as(token, 'POST', '/api/v1/portal/withdrawal', {
      name: 'U',
      email: 'us@example.com',
      confirm: true,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/EU/);
  });
});

describe('exchange variants', () => {
  it('lists the variants of an ordered line in the order currency', async () => {
    await t.call('POST', '/api/v1/products', {
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
          price: 4999,
          currency: 'EUR',
        },
        {
          sku: 'JUMPER-XL-BLUE',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'XL / Blue',
          price: 4999,
          currency: 'EUR',
        },
        {
          sku: 'JUMPER-S-BLUE',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'S / Blue',
          price: 4999,
          currency: 'EUR',
        },
        {
          sku: 'JUMPER-L-BLUE-USD',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'L / Blue',
          price: 5400,
          currency: 'USD',
        },
      ],
    });
    const { token } = await portalFor({ number: 'P-600' });
    const res = await as(token, 'GET', '/api/v1/portal/variants?line_id=L1');
    expect(res.statusCode, res.body).toBe(200);
    const variants = res.json().variants as { variant: string }[];
    // in size order, not the alphabet's L, M, S, XL
    expect(variants.map((v) => v.variant)).toEqual(['S / Blue', 'M / Blue', 'L / Blue', 'XL / Blue']);
    expect(variants[1]).toEqual({
      sku: 'JUMPER-M-BLUE',
      title: 'Wool jumper',
      variant: 'M / Blue',
      price: 4999,
      currency: 'EUR',
      current: true,
    });
    expect(variants[2]).toMatchObject({ sku: 'JUMPER-L-BLUE', price: 4999, current: false });
    expect((await as(token, 'GET', '/api/v1/portal/variants?line_id=L9')).statusCode).toBe(404);
  });
});

describe("the store's own reasons in the portal", () => {
  it('offers them in the customer language', async () => {
    await t.call('PUT', '/api/v1/policy', {
      custom_reasons: [
        { code: 'too_itchy', maps_to: 'not_as_described', label: { en: 'Too itchy', de: 'Kratzt zu sehr' } },
      ],
    });
    const { token } = await portalFor({ number: 'P-700' });
    const page = (await as(token, 'GET', '/api/v1/portal/order?language=de')).json();
    expect(page.custom_reasons).toEqual([
      { code: 'too_itchy', maps_to: 'not_as_described', label: 'Kratzt zu sehr' },
    ]);
    await t.call('PUT', '/api/v1/policy', {});
  });
});

describe('the store page', () => {
  it("tells anyone the store's name and return methods, and 404s an unknown store", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/stores/test-store' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: 'Test Store',
      slug: 'test-store',
      languages: ['en', 'de'],
      return_methods: ['label', 'drop_off'],
      logo_url: null,
      brand_color: null,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal/stores/nope' })).statusCode).toBe(404);
  });

  it("shows the store's logo and brand colour once the owner sets them", async () => {
    const branding = { logo_url: 'https://cdn.example.de/logo.svg', brand_color: '#C2255C' };
    expect((await t.call('PUT', '/api/v1/store/branding', branding, { role: 'agent' })).statusCode).toBe(403);
    const bad = await t.call('PUT', '/api/v1/store/branding', { ...branding, brand_color: 'pink' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('brand_color');
    const script = await t.call('PUT', '/api/v1/store/branding', {
      ...branding,
      logo_url: 'javascript:alert(1)',
    });
    expect(script.statusCode).toBe(400);
    const saved = await t.call('PUT', '/api/v1/store/branding', branding);
    expect(saved.json()).toEqual({ logo_url: branding.logo_url, brand_color: '#c2255c' });
    const store = await t.app.inject({ method: 'GET', url: '/api/v1/portal/stores/test-store' });
    expect(store.json()).toMatchObject({ logo_url: branding.logo_url, brand_color: '#c2255c' });
    await t.call('PUT', '/api/v1/store/branding', { logo_url: null, brand_color: null });
  });
});

describe('product pictures', () => {
  it('come from the catalogue for each ordered line that has one, and are null otherwise', async () => {
    const image = 'https://cdn.example.de/jumper-m-blue.jpg';
    const put = await t.call('POST', '/api/v1/products', {
      products: [
        { sku: 'JUMPER-M-BLUE', title: 'Wool jumper', price: 4999, currency: 'EUR', image_url: image },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const refused = await t.call('POST', '/api/v1/products', {
      products: [{ sku: 'X', title: 'X', price: 1, currency: 'EUR', image_url: 'ftp://example.de/x.jpg' }],
    });
    expect(refused.statusCode).toBe(400);
    const imageOf = async (number: string, sku: string) => {
      const [first] = makeOrder().lines as Record<string, unknown>[];
      const line = { ...first, sku };
      const { token } = await portalFor({ number, lines: [line] });
      return (await as(token, 'GET', '/api/v1/portal/order')).json().order.lines[0].image_url;
    };
    expect(await imageOf('P-700', 'JUMPER-M-BLUE')).toBe(image);
    expect(await imageOf('P-701', 'NOT-IN-CATALOGUE')).toBeNull();
    const listed = (await t.call('GET', '/api/v1/products?sku=JUMPER-M-BLUE')).json();
    expect(listed.data[0].image_url).toBe(image);
  });
});
