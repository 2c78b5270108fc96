import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDecisionContext } from '../../src/features/returns/decision-context.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function order(over: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/orders', makeOrder(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}
const flagged = (email: string) => ({
  customer: {
    email,
    name: 'Flag',
    phone: null,
    language: 'en',
    time_zone: 'Europe/Berlin',
    segments: ['flagged'],
  },
});
async function request(
  orderId: string,
  body: Record<string, unknown> = {},
  opts: Parameters<TestApp['call']>[3] = {},
) {
  return t.call(
    'POST',
    '/api/v1/returns',
    { order_id: orderId, lines: [{ line_id: 'L1', quantity: 1 }], ...body },
    opts,
  );
}
const step = (id: string, name: string, body: unknown = {}, opts: Parameters<TestApp['call']>[3] = {}) =>
  t.call('POST', `/api/v1/returns/${id}/${name}`, body, opts);

describe('review paths', () => {
  it('queues a flagged customer for review with an SLA, then an agent approves', async () => {
    const o = await order(flagged('flag1@example.de'));
    const res = await request(o.id);
    expect(res.statusCode, res.body).toBe(201);
    const ret = res.json();
    expect(ret.status).toBe('requested');
    expect(ret.review_reasons.map((r: { code: string }) => r.code)).toContain('review_segment');
    expect(Date.parse(ret.sla_due_at) - Date.parse(ret.requested_at)).toBe(24 * 3600 * 1000);

    const denied = await step(ret.id, 'approve', {}, { role: 'warehouse' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    const approved = await step(ret.id, 'approve', {}, { role: 'agent' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().sla_due_at).toBeNull();
    const twice = await step(ret.id, 'approve', {}, { role: 'agent' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('illegal_transition');
  });

  it('rejects with a reason and records the reply; the units become returnable again', async () => {
    const o = await order(flagged('flag2@example.de'));
    const ret = (await request(o.id, { lines: [{ line_id: 'L1', quantity: 2 }] })).json();
    const bad = await step(ret.id, 'reject', { message: 'no reason code' }, { role: 'agent' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('reason_code');
    const rejected = await step(
      ret.id,
      'reject',
      { reason_code: 'outside_window', message: 'Sorry, too late.' },
      { role: 'agent' },
    );
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejection: { reason_code: 'outside_window', message: 'Sorry, too late.' },
    });
    const el = (await t.call('POST', `/api/v1/orders/${o.id}/eligibility`, {})).json();
    expect(el.lines[0].quantity).toBe(2);
  });

  it('cancels an approved return but not a received one', async () => {
    const o = await order();
    const ret = (await request(o.id)).json();
    expect((await step(ret.id, 'cancel')).json().status).toBe('canceled');
    const o2 = await order();
    const r2 = (await request(o2.id)).json();
    await step(r2.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    const late = await step(r2.id, 'cancel');
    expect(late.statusCode).toBe(409);
  });
});

describe('refusals', () => {
  it('answers 401 without or with an unknown token', async () => {
    const none = await t.call('GET', '/api/v1/returns', undefined, { token: null });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'unauthorized', status: 401 });
    expect((await t.call('GET', '/api/v1/returns', undefined, { token: 'as_nope' })).statusCode).toBe(401);
  });

  it('refuses an undelivered line as not eligible, with explanations', async () => {
    const o = await order({ fulfillments: [] });
    const res = await request(o.id);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('not_eligible');
    expect(body.explanations.map((e: { code: string }) => e.code)).toContain('not_delivered');
  });

  it('refuses more units than remain, counting earlier returns', async () => {
    const o = await order();
    expect((await request(o.id, { lines: [{ line_id: 'L1', quantity: 2 }] })).statusCode).toBe(201);
    const more = await request(o.id);
    expect(more.statusCode).toBe(422);
    expect(more.json().explanations.map((e: { code: string }) => e.code)).toContain(
      'quantity_exceeds_remaining',
    );
  });

  it('refuses a window that has closed (a US customer, store policy only)', async () => {
    const o = await order({
      currency: 'USD',
      shipping_address: {
        name: 'E',
        line1: '1 Main St',
        line2: null,
        city: 'Austin',
        region: 'TX',
        postal_code: '73301',
        country: 'US',
      },
      customer: {
        email: 'us@example.com',
        name: 'E',
        phone: null,
        language: 'en',
        time_zone: 'America/Chicago',
        segments: [],
      },
      lines: [
        {
          id: 'L1',
          sku: 'TEE',
          title: 'Tee',
          variant: null,
          category: 'apparel',
          quantity: 2,
          unit_price: 2000,
          discount: 0,
          tax: 0,
          flags: [],
          supplier: null,
          no_reason_return_waived: false,
        },
      ],
      payments: [{ provider: 'manual', reference: 'p', amount: 4000 }],
      discounts: [],
      shipping: { amount: 0, tax: 0 },
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 2 }],
          carrier: null,
          tracking_number: null,
          shipped_at: daysAgo(60),
          delivered_at: daysAgo(45),
        },
      ],
    });
    const res = await request(o.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().explanations.map((e: { code: string }) => e.code)).toContain('outside_window');
  });

  it('refuses the same Idempotency-Key with another body, and replays the first', async () => {
    const o = await order();
    const a = await request(o.id, {}, { headers: { 'idempotency-key': 'k-conflict' } });
    expect(a.statusCode).toBe(201);
    const b = await request(
      o.id,
      { lines: [{ line_id: 'L1', quantity: 1, note: 'different' }] },
      { headers: { 'idempotency-key': 'k-conflict' } },
    );
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('idempotency_conflict');
    const list = (await t.call('GET', `/api/v1/returns?order_id=${o.id}`)).json();
    expect(list.data).toHaveLength(1);
  });

  it('refuses a step that the status does not allow, and a label before approval', async () => {
    const o = await order(flagged('flag3@example.de'));
    const ret = (await request(o.id)).json();
    const receive = await step(ret.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    expect(receive.statusCode).toBe(409);
    expect(receive.json().code).toBe('illegal_transition');
    expect((await step(ret.id, 'label')).statusCode).toBe(409);
    expect((await t.call('GET', `/api/v1/returns/${ret.id}/label.pdf`)).statusCode).toBe(409);
    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`)).json().data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['requested', 'queued_for_review']);
  });

  it('answers 404 for an unknown return on every step', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    for (const name of ['approve', 'cancel', 'label', 'resolve']) {
      const res = await step(id, name);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await t.call('GET', `/api/v1/returns/${id}`)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/returns/${id}/events`)).statusCode).toBe(404);
  });

  it('decides a second open return within what the first has not already promised', async () => {
    // Only 6000 was paid: the first one-unit return is decided 5009, so the second gets the rest.
    const o = await order({ payments: [{ provider: 'manual', reference: 'p', amount: 6000 }] });
    const first = (await request(o.id, { method: 'drop_off' })).json();
    const second = (await request(o.id, { method: 'drop_off' })).json();
    expect([first.refund.total, second.refund.total]).toEqual([5009, 991]);
  });

  it('leaves the return untouched when the refund would exceed what was paid', async () => {
    // The shop's own system lowers what was paid after the decision: the row lock still holds.
    const body = makeOrder();
    const o = (await t.call('POST', '/api/v1/orders', body)).json();
    const ret = (await request(o.id, { method: 'drop_off' })).json();
    await step(ret.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step(ret.id, 'inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    const lowered = await t.call('POST', '/api/v1/orders', {
      ...body,
      payments: [{ provider: 'manual', reference: 'p', amount: 3000 }],
    });
    expect(lowered.statusCode).toBe(200);
    const res = await step(
      ret.id,
      'resolve',
      {},
      { role: 'finance', headers: { 'idempotency-key': 'too-much' } },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('refund_exceeds_paid');
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.status).toBe('inspected');
    expect(after.refunds).toEqual([]);
    expect((await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded).toBe(0);
  });
});

describe('resolutions', () => {
  it('keep-the-item completes from approved and refunds without a parcel', async () => {
    await t.call('PUT', '/api/v1/policy', { keep_item: { max_unit_value: 10000 } });
    const o = await order();
    const res = await request(o.id, { resolution: { type: 'keep_item' }, method: 'none' });
    expect(res.statusCode, res.body).toBe(201);
    const ret = res.json();
    expect(ret.status).toBe('approved');
    expect(ret.refund.fees).toBe(0);
    const done = await step(ret.id, 'resolve', {}, { role: 'finance' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    expect(done.json().refunds[0].amount).toBe(ret.refund.total);
    await t.call('PUT', '/api/v1/policy', {});
  });

  it('store credit adds the bonus to the customer ledger and moves no money', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          customer: {
            email: 'credit@example.de',
            name: 'C',
            phone: null,
            language: 'de',
            time_zone: 'Europe/Berlin',
            segments: [],
          },
        }),
      )
    ).json();
    const ret = (await request(o.id, { resolution: { type: 'store_credit' }, method: 'drop_off' })).json();
    await step(ret.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step(ret.id, 'inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    const done = (await step(ret.id, 'resolve', {}, { role: 'finance' })).json();
    expect(done.refunds).toEqual([]);
    expect(done.result.store_credit).toBe(done.result.breakdown.total + done.result.store_credit_bonus);
    expect(done.result.store_credit_bonus).toBe(Math.floor(done.result.breakdown.total / 10 + 0.5));
    const bal = (await t.call('GET', `/api/v1/customers/${o.customer.id}/store-credit`)).json();
    expect(bal.balances).toEqual([{ currency: 'EUR', amount: done.result.store_credit }]);
  });

  it('takes partial receipts in several scans and refunds only what arrived', async () => {
    const o = await order();
    const ret = (await request(o.id, { lines: [{ line_id: 'L1', quantity: 2 }], method: 'drop_off' })).json();
    const first = await step(
      ret.id,
      'receive',
      { lines: [{ line_id: 'L1', quantity: 1 }] },
      { role: 'warehouse' },
    );
    expect(first.json().lines[0].received_quantity).toBe(1);
    const over = await step(
      ret.id,
      'receive',
      { lines: [{ line_id: 'L1', quantity: 2 }] },
      { role: 'warehouse' },
    );
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].path).toBe('lines.0.quantity');
    const inspected = await step(
      ret.id,
      'inspect',
      { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] },
      { role: 'warehouse' },
    );
    expect(inspected.statusCode).toBe(200);
    const done = (await step(ret.id, 'resolve', {}, { role: 'finance' })).json();
    // Two units (the whole order, EU) decide 8498 items + 1520 tax + 594 shipping; the first unit
    // that arrived carries 4249 + 760 + 297.
    expect(ret.refund).toMatchObject({ items: 8498, tax: 1520, shipping: 594 });
    expect(done.refunds[0].amount).toBe(4249 + 760 + 297 - done.result.breakdown.fees);
  });

  it('finance confirms a refund paid by hand; an agent may not', async () => {
    const o = await order();
    const ret = (await request(o.id, { method: 'drop_off' })).json();
    await step(ret.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step(ret.id, 'inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    const done = (await step(ret.id, 'resolve', {}, { role: 'finance' })).json();
    await t.runJobs();
    const id = done.refunds[0].id;
    expect(
      (await t.call('POST', `/api/v1/refunds/${id}/confirm`, { reference: 'SEPA-1' }, { role: 'agent' }))
        .statusCode,
    ).toBe(403);
    const ok = await t.call(
      'POST',
      `/api/v1/refunds/${id}/confirm`,
      { reference: 'SEPA-1' },
      { role: 'finance' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'succeeded', provider_reference: 'SEPA-1' });
    expect(
      (await t.call('POST', `/api/v1/refunds/${id}/confirm`, { reference: 'SEPA-1' }, { role: 'finance' }))
        .statusCode,
    ).toBe(409);
  });

  it('never refunds twice when two resolves race', async () => {
    const o = await order();
    const ret = (await request(o.id, { method: 'drop_off' })).json();
    await step(ret.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step(ret.id, 'inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    const results = await Promise.all(
      ['race-a', 'race-b', 'race-c'].map((k) =>
        step(ret.id, 'resolve', {}, { role: 'finance', headers: { 'idempotency-key': k } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const refunds = (await t.call('GET', `/api/v1/refunds?order_id=${o.id}`)).json().data;
    expect(refunds).toHaveLength(1);
  });
});

describe('queues and search', () => {
  it('finds returns by RMA, order number, email and return tracking number, and filters by country and reason', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          number: 'SEARCH-1',
          customer: {
            email: 'seeker@example.fr',
            name: 'Séverine Chercheuse_Dupont',
            phone: null,
            language: 'fr',
            time_zone: 'Europe/Paris',
            segments: ['vip'],
          },
          shipping_address: {
            name: 'S',
            line1: '1 rue X',
            line2: null,
            city: 'Lyon',
            region: null,
            postal_code: '69001',
            country: 'FR',
          },
        }),
      )
    ).json();
    const ret = (await request(o.id, { lines: [{ line_id: 'L1', quantity: 1, reason: 'color' }] })).json();
    await step(ret.id, 'label');
    await step(ret.id, 'ship', { tracking_number: 'RET-TRACK-77' });
    // by name too: any part, any case; LIKE's own wildcards in the search are taken literally
    for (const q of [
      ret.rma,
      'SEARCH-1',
      'Seeker@example.fr',
      'RET-TRACK-77',
      'chercheuse',
      'SÉVERINE',
      'se_dup',
    ]) {
      const found = (await t.call('GET', `/api/v1/returns?q=${encodeURIComponent(q)}`)).json().data;
      expect(
        found.map((r: { id: string }) => r.id),
        q,
      ).toEqual([ret.id]);
    }
    for (const q of ['%', 'e_e', 'x']) {
      const found = (await t.call('GET', `/api/v1/returns?q=${encodeURIComponent(q)}`)).json().data;
      expect(found, q).toEqual([]);
    }
    const byCountry = (await t.call('GET', '/api/v1/returns?country=fr&reason=color&segment=vip')).json()
      .data;
    expect(byCountry.map((r: { id: string }) => r.id)).toEqual([ret.id]);
    expect((await t.call('GET', '/api/v1/returns?country=FR&reason=defective')).json().data).toEqual([]);
  });

  it('orders the review queue by SLA, oldest first, and pages through it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const o = await order(flagged(`queue${i}@example.de`));
      ids.push((await request(o.id)).json().id);
    }
    const first = (await t.call('GET', '/api/v1/returns?status=requested&sort=sla&limit=2')).json();
    const second = (
      await t.call('GET', `/api/v1/returns?status=requested&sort=sla&limit=2&cursor=${first.next_cursor}`)
    ).json();
    const all = [...first.data, ...second.data];
    const slas = all.map((r: { sla_due_at: string }) => Date.parse(r.sla_due_at));
    expect(slas).toEqual([...slas].sort((a, b) => a - b));
    for (const id of ids) expect(all.map((r: { id: string }) => r.id)).toContain(id);
    expect((await t.call('GET', '/api/v1/returns?cursor=garbage')).json().code).toBe('invalid_request');
  });
});

describe('the refund-overdue queue', () => {
  it('holds a completed return until its refund succeeded, and an unfinished one past its due time', async () => {
    const overdue = async () => {
      const list = (await t.call('GET', '/api/v1/returns?refund_overdue=true&limit=200')).json().data;
      const counts = (await t.call('GET', '/api/v1/returns/counts')).json();
      return {
        ids: list.map((r: { id: string }) => r.id) as string[],
        count: counts.refund_overdue as number,
      };
    };
    const pastDue = (id: string) =>
      t.database.db
        .updateTable('returns')
        .set({ refund_due_at: new Date(Date.now() - 3600_000) })
        .where('case_id', '=', id)
        .execute();
    const before = await overdue();

    // Completed, paid by hand, nobody confirmed it yet.
    const o = await order();
    const paid = (await request(o.id, { method: 'drop_off' })).json();
    await step(paid.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step(paid.id, 'inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    const done = (await step(paid.id, 'resolve', {}, { role: 'finance' })).json();
    expect(done.status).toBe('completed');
    await t.runJobs();
    // Still waiting for its parcel.
    const waiting = (await request((await order()).id, { method: 'drop_off' })).json();
    await pastDue(paid.id);
    await pastDue(waiting.id);

    const during = await overdue();
    expect(during.ids).toEqual(expect.arrayContaining([paid.id, waiting.id]));
    expect(during.count).toBe(before.count + 2);

    const confirmed = await t.call(
      'POST',
      `/api/v1/refunds/${done.refunds[0].id}/confirm`,
      { reference: 'SEPA-9' },
      { role: 'finance' },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = await overdue();
    expect(after.ids).not.toContain(paid.id);
    expect(after.ids).toContain(waiting.id);
    expect(after.count).toBe(before.count + 1);
  });
});

describe("the store's own reasons", () => {
  it('takes a custom reason, decides it as the reason it maps onto, and keeps both', async () => {
    await t.call('PUT', '/api/v1/policy', {
      custom_reasons: [{ code: 'too_itchy', maps_to: 'not_as_described', label: { en: 'Too itchy' } }],
    });
    const o = await order();
    const res = await request(o.id, { lines: [{ line_id: 'L1', quantity: 1, reason: 'too_itchy' }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines[0]).toMatchObject({
      reason: 'not_as_described',
      store_reason: 'too_itchy',
      path: 'seller_fault',
    });
    const unknown = await request(o.id, { lines: [{ line_id: 'L1', quantity: 1, reason: 'because' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'lines.0.reason', message: 'unknown reason "because"' }]);
    const el = await t.call('POST', `/api/v1/orders/${o.id}/eligibility`, { reason: 'too_itchy' });
    expect(el.json().lines[0].path).toBe('seller_fault');
    await t.call('PUT', '/api/v1/policy', {});
  });
});

describe('units that never came back', () => {
  it('are free to be returned again once the return completes without them', async () => {
    const o = await order();
    const first = (
      await request(o.id, { lines: [{ line_id: 'L1', quantity: 2 }], method: 'drop_off' })
    ).json();
    await step(first.id, 'receive', { lines: [{ line_id: 'L1', quantity: 1 }] });
    await step(first.id, 'inspect', { lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }] });
    await step(first.id, 'resolve', {}, { role: 'finance' });
    const el = (await t.call('POST', `/api/v1/orders/${o.id}/eligibility`, {})).json();
    expect(el.lines[0]).toMatchObject({ line_id: 'L1', quantity: 1, eligible: true });
    const again = await request(o.id, { lines: [{ line_id: 'L1', quantity: 1 }], method: 'drop_off' });
    expect(again.statusCode, again.body).toBe(201);
    // The second unit carries the other half of the line: together never more than was paid.
    const refunded = (await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded;
    expect(refunded + again.json().refund.total).toBeLessThanOrEqual(10612);
  });
});

describe('a new return number', () => {
  it('is checked against the store’s cases in the order’s own read', async () => {
    const o = await order();
    const made = await request(o.id, { method: 'drop_off' });
    expect(made.statusCode, made.body).toBe(201);
    const existing = made.json().rma as string;
    const free = 'R-ZZZZ-ZZZZ';
    const taken = await t.database.db
      .transaction()
      .execute(async (trx) =>
        loadDecisionContext(trx, t.store.id, o.id, { numbers: [existing, free] }).then((c) => c.takenNumbers),
      );
    expect(taken).toEqual([existing]);
  });
});
