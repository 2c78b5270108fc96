import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_METRICS_TOKEN, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('policy', () => {
  it('starts at version 1, saves new versions, lists them newest first', async () => {
    const current = await t.call('GET', '/api/v1/policy', undefined, { role: 'read_only' });
    expect(current.statusCode).toBe(200);
    expect(current.json().version).toBe(1);
    expect(current.json().change_of_mind.window_days).toBe(30);

    const saved = await t.call('PUT', '/api/v1/policy', {
      change_of_mind: { window_days: 10 },
      store_credit_bonus_percent: 5,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(saved.json().change_of_mind).toMatchObject({
      window_days: 10,
      return_shipping: 'customer',
    });

    const versions = (await t.call('GET', '/api/v1/policy/versions')).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].created_by).toBe('token:owner');
  });

  it('decides with the new version: a 10-day store window is raised to the EU floor of 14', async () => {
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const res = await t.call('POST', `/api/v1/orders/${o.id}/eligibility`, {
      lines: [{ line_id: 'L1', quantity: 1 }],
      language: 'de',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.policy_version).toBe(2);
    expect(d.lines[0]).toMatchObject({ eligible: true, path: 'change_of_mind' });
    expect(d.lines[0].refund).toMatchObject({ items: 4249, tax: 760, shipping: 0 });
    const floor = d.lines[0].explanations.find((e: { code: string }) => e.code === 'legal_floor');
    expect(floor).toMatchObject({ params: { days: 14 }, source: 'Directive 2011/83/EU art. 9' });
    expect(floor.message).toMatch(/14/);
  });

  it('takes back what GET answered, and refuses an edit of a version that is no longer current', async () => {
    const read = (await t.call('GET', '/api/v1/policy')).json();
    const edited = { ...read, store_credit_bonus_percent: 7 };
    const saved = await t.call('PUT', '/api/v1/policy', edited);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: read.version + 1, store_credit_bonus_percent: 7 });
    expect(saved.json().change_of_mind).toEqual(read.change_of_mind);
    expect(saved.json().created_by).toBe('token:owner');

    // The same edit again still says it starts from the old version: someone saved in between.
    const stale = await t.call('PUT', '/api/v1/policy', { ...edited, store_credit_bonus_percent: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    const now = (await t.call('GET', '/api/v1/policy')).json();
    expect([now.version, now.store_credit_bonus_percent]).toEqual([read.version + 1, 7]);
    // Back to the previous document, for the tests that follow.
    const restored = await t.call('PUT', '/api/v1/policy', { ...read, version: now.version });
    expect(restored.json().store_credit_bonus_percent).toBe(read.store_credit_bonus_percent);
  });

  it('refuses an invalid policy with the path, and a non-owner', async () => {
    const bad = await t.call('PUT', '/api/v1/policy', { change_of_mind: { window_days: -3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('change_of_mind.window_days');
    const unknown = await t.call('PUT', '/api/v1/policy', { surprise: true });
    expect(unknown.json().errors).toEqual([{ path: 'surprise', message: 'unknown field "surprise"' }]);
    expect((await t.call('PUT', '/api/v1/policy', {}, { role: 'agent' })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/policy')).json().version).toBe(4);
  });
});

describe('tokens, health, docs, metrics', () => {
  it('lets an owner create a token that then works with its role', async () => {
    const res = await t.call('POST', '/api/v1/tokens', { name: 'shopify-sync', role: 'agent' });
    expect(res.statusCode).toBe(201);
    const { token } = res.json();
    expect(token).toMatch(/^as_/);
    expect((await t.call('GET', '/api/v1/returns', undefined, { token })).statusCode).toBe(200);
    expect((await t.call('PUT', '/api/v1/policy', {}, { token })).statusCode).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/tokens', { name: 'x', role: 'owner' }, { role: 'agent' })).statusCode,
    ).toBe(403);
  });

  it('reports health without a token', async () => {
    const res = await t.call('GET', '/health', undefined, { token: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI 3.1 document naming the core routes', async () => {
    const res = await t.call('GET', '/docs/json', undefined, { token: null });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/orders',
      '/api/v1/returns',
      '/api/v1/returns/{id}/resolve',
      '/api/v1/orders/{id}/eligibility',
      '/api/v1/policy',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(
      doc.paths['/api/v1/returns'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('order_id');
  });

  it('answers an unknown route with a problem', async () => {
    const res = await t.call('GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('exposes request metrics', async () => {
    expect((await t.call('GET', '/metrics', undefined, { token: null })).statusCode).toBe(401);
    const res = await t.call('GET', '/metrics', undefined, { token: TEST_METRICS_TOKEN });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} [1-9]/,
    );
  });
});

describe('catalogue and exchanges', () => {
  it('prices an exchange against the catalogue: a dearer variant records what is due', async () => {
    const put = await t.call('POST', '/api/v1/products', {
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
          sku: 'JUMPER-XL-BLUE',
          product_group: 'JUMPER',
          title: 'Wool jumper',
          variant: 'XL / Blue',
          price: 5499,
          currency: 'EUR',
        },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const variants = (await t.call('GET', '/api/v1/products?product_group=JUMPER')).json().data;
    expect(variants.map((v: { sku: string }) => v.sku)).toEqual(['JUMPER-M-BLUE', 'JUMPER-XL-BLUE']);
    await t.call('PUT', '/api/v1/policy', {});
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const res = await t.call('POST', '/api/v1/returns', {
      order_id: o.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'size_too_small' }],
      resolution: { type: 'exchange', lines: [{ line_id: 'L1', sku: 'JUMPER-XL-BLUE' }] },
      method: 'drop_off',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().exchange).toMatchObject({ difference: 500, due_from_customer: 500, refund: 0 });
    // through the warehouse: the new size leaves as a replacement order once the 5.00 are paid
    const id = res.json().id;
    const step = (name: string, body: unknown = {}) => t.call('POST', `/api/v1/returns/${id}/${name}`, body);
    if (res.json().status === 'requested') await step('approve');
    await step('receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step('inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    const done = await t.call(
      'POST',
      `/api/v1/returns/${id}/resolve`,
      {},
      { headers: { 'idempotency-key': 'ex-1' } },
    );
    expect(done.statusCode, done.body).toBe(200);
    const replacementId = done.json().replacement_order_id;
    const replacement = (await t.call('GET', `/api/v1/replacements/${replacementId}`)).json();
    expect(replacement).toMatchObject({ status: 'awaiting_payment', due_amount: 500, case_id: id });
    const rep = (await t.call('GET', `/api/v1/orders/${replacementId}`)).json();
    expect(rep.lines[0]).toMatchObject({
      sku: 'JUMPER-XL-BLUE',
      variant: 'XL / Blue',
      quantity: 1,
      unit_price: 0,
    });
    const early = await t.call('POST', `/api/v1/replacements/${replacementId}/ship`, { carrier: 'DHL' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/price difference/);
    // the customer pays the 5.00 with store credit they hold: the code is spent by that much
    const credit = (
      await t.call('POST', '/api/v1/store-credit/codes', {
        email: 'anna@example.de',
        amount: 800,
        currency: 'EUR',
      })
    ).json();
    const short = await t.call('POST', `/api/v1/replacements/${replacementId}/settle`, {
      by: 'store_credit',
    });
    expect(short.statusCode).toBe(400);
    const paid = await t.call('POST', `/api/v1/replacements/${replacementId}/settle`, {
      by: 'store_credit',
      code: credit.code,
    });
    expect(paid.json()).toMatchObject({ status: 'ready', due_settled_by: 'store_credit' });
    expect((await t.call('GET', `/api/v1/store-credit/codes/${credit.code}`)).json().balance).toBe(300);
    expect(
      (await t.call('POST', `/api/v1/replacements/${replacementId}/ship`, { carrier: 'DHL' })).json().status,
    ).toBe('shipped');
  });

  it('refuses a duplicate SKU in one batch', async () => {
    const p = { sku: 'A', title: 'A', price: 1, currency: 'EUR' };
    const res = await t.call('POST', '/api/v1/products', { products: [p, p] });
    expect(res.statusCode).toBe(400);
  });
});

describe('case messages', () => {
  it('keeps notes and inbound messages on the timeline; refuses an empty body and an unknown case', async () => {
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: o.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    const note = await t.call(
      'POST',
      `/api/v1/cases/${ret.id}/messages`,
      { direction: 'internal', body: 'Customer called, parcel goes out Monday.' },
      { role: 'agent' },
    );
    expect(note.statusCode, note.body).toBe(201);
    // beside the note, the customer's acknowledgement in the outbox
    const msgs = (await t.call('GET', `/api/v1/cases/${ret.id}/messages`))
      .json()
      .data.filter((m: { channel: string }) => m.channel !== 'email');
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      direction: 'internal',
      channel: 'note',
      author: 'token:agent',
      author_view: { kind: 'token', name: 'agent' },
      body: 'Customer called, parcel goes out Monday.',
    });
    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`))
      .json()
      .data.map((e: { type: string }) => e.type);
    expect(events).toContain('note_added');
    expect(
      (await t.call('POST', `/api/v1/cases/${ret.id}/messages`, { direction: 'in', body: '   ' })).statusCode,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/api/v1/cases/00000000-0000-4000-8000-000000000009/messages', {
          direction: 'in',
          body: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(
          'POST',
          `/api/v1/cases/${ret.id}/messages`,
          { direction: 'in', body: 'x' },
          { role: 'warehouse' },
        )
      ).statusCode,
    ).toBe(403);
    // the warehouse notes what it found; a read-only user adds nothing
    const warehouseNote = await t.call(
      'POST',
      `/api/v1/cases/${ret.id}/messages`,
      { direction: 'internal', body: 'Box crushed on arrival, item fine.' },
      { role: 'warehouse' },
    );
    expect(warehouseNote.statusCode, warehouseNote.body).toBe(201);
    const readOnly = await t.call(
      'POST',
      `/api/v1/cases/${ret.id}/messages`,
      { direction: 'internal', body: 'x' },
      { role: 'read_only' },
    );
    expect(readOnly.statusCode).toBe(403);
  });
});

describe('reply templates', () => {
  it('gives each rejection template in the customer language, falling back to English', async () => {
    const zh = (
      await t.call('GET', '/api/v1/reply-templates?language=zh-CN', undefined, { role: 'agent' })
    ).json();
    expect(zh.language).toBe('zh-Hans');
    expect(zh.reject.map((r: { reason_code: string }) => r.reason_code)).toEqual([
      'outside_window',
      'not_returnable',
      'used_or_damaged',
      'missing_evidence',
      'other',
    ]);
    expect(zh.reject[0].message).toMatch(/退货期限/);
    const xx = (await t.call('GET', '/api/v1/reply-templates?language=xx')).json();
    expect(xx.reject[0].message).toMatch(/return period/);
  });
});

describe('policy preview and queue counts', () => {
  it('shows what a draft policy would decide for a real order, without saving it', async () => {
    const o = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'PREVIEW-1' }))).json();
    const before = (await t.call('GET', '/api/v1/policy')).json().version;
    const res = await t.call(
      'POST',
      '/api/v1/policy/preview',
      {
        policy: { change_of_mind: { window_days: 3, return_shipping: 'merchant' } },
        order_number: 'PREVIEW-1',
        language: 'en',
      },
      { role: 'agent' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.order_id).toBe(o.id);
    expect(d.policy_version).toBe(before + 1);
    expect(d.lines[0]).toMatchObject({
      eligible: true,
      return_shipping_paid_by: 'merchant',
      fees: { return_shipping: 0 },
    });
    expect(d.lines[0].explanations.map((e: { code: string }) => e.code)).toContain('legal_floor');
    expect((await t.call('GET', '/api/v1/policy')).json().version).toBe(before);
    const bad = await t.call('POST', '/api/v1/policy/preview', {
      policy: { review_sla_hours: 0 },
      order_number: 'PREVIEW-1',
    });
    expect(bad.json().errors[0].path).toBe('policy.review_sla_hours');
    expect(
      (await t.call('POST', '/api/v1/policy/preview', { policy: {}, order_number: 'NOPE' })).statusCode,
    ).toBe(404);
  });

  it('counts the queues', async () => {
    const counts = (await t.call('GET', '/api/v1/returns/counts', undefined, { role: 'warehouse' })).json();
    const approved = (await t.call('GET', '/api/v1/returns?status=approved,in_transit&limit=200')).json().data
      .length;
    const requested = (await t.call('GET', '/api/v1/returns?status=requested&limit=200')).json().data.length;
    expect(counts).toMatchObject({ awaiting_parcel: approved, needs_review: requested, to_inspect: 0 });
  });
});

describe('eligibility with a reason per line', () => {
  it('decides each line on its own reason', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          lines: [
            {
              id: 'L1',
              sku: 'A',
              title: 'A',
              variant: null,
              category: 'apparel',
              quantity: 1,
              unit_price: 3000,
              discount: 0,
              tax: 0,
              flags: [],
              supplier: null,
              no_reason_return_waived: false,
            },
            {
              id: 'L2',
              sku: 'B',
              title: 'B',
              variant: null,
              category: 'apparel',
              quantity: 1,
              unit_price: 2000,
              discount: 0,
              tax: 0,
              flags: [],
              supplier: null,
              no_reason_return_waived: false,
            },
          ],
          discounts: [],
          payments: [{ provider: 'manual', reference: 'p', amount: 5594 }],
          fulfillments: [
            {
              id: 'F1',
              lines: [
                { line_id: 'L1', quantity: 1 },
                { line_id: 'L2', quantity: 1 },
              ],
              carrier: null,
              tracking_number: null,
              shipped_at: null,
              delivered_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
            },
          ],
        }),
      )
    ).json();
    const res = await t.call('POST', `/api/v1/orders/${o.id}/eligibility`, {
      reason: 'changed_mind',
      lines: [
        { line_id: 'L1', quantity: 1 },
        { line_id: 'L2', quantity: 1, reason: 'defective' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines.map((l: { path: string }) => l.path)).toEqual(['change_of_mind', 'seller_fault']);
    const bad = await t.call('POST', `/api/v1/orders/${o.id}/eligibility`, {
      lines: [{ line_id: 'L1', quantity: 1, reason: 'nope' }],
    });
    expect(bad.json().errors).toEqual([{ path: 'lines.0.reason', message: 'not a reason of this store' }]);
  });
});
