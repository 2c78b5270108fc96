// The supplier loop over HTTP: versioned terms, the supplier's position on a returned unit, claims
// through every step and their refusals, credits counted once, the month's reconciliation, the gaps
// between the store's promises and the supplier's terms, and the scorecard. Also that the units read
// as JSON inside another statement come back as they do read alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readUnitsWithPosition,
  unitsWithPosition,
  unitsWithPositionColumns,
} from '../../src/features/suppliers/supplier-units.queries.ts';
import { smtpMailer } from '../../src/integrations/smtp/mailer.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';
import { type SmtpPeer, startSmtpPeer } from '../smtp-peer.ts';

let t: TestApp;
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);
const DAY = 86_400_000;
const isoDay = (iso: string, plus = 0) =>
  new Date(new Date(iso).getTime() + plus * DAY).toISOString().slice(0, 10);

const SUP1_TERMS = {
  currency: 'USD',
  accepts_returns: true,
  reasons: 'seller_fault',
  window_days: 7,
  window_from: 'delivery',
  evidence: ['photos'],
  remedy: 'credit',
  claim_deadline_days: 30,
  restocking_fee_percent: 0,
  return_address: { name: 'Factory', line1: '1 Road', city: 'Shenzhen', country: 'cn' },
};

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
  t = await createTestApp({
    sender: {
      mailer: smtpMailer(peer.url),
      from: 'support@test-store.example',
      publicUrl: 'http://localhost:3000',
    },
  });
  const sup = await t.call('POST', '/api/v1/suppliers', {
    suppliers: [
      { code: 'SUP-1', name: 'Shenzhen Factory', country: 'CN', email: 'claims@factory.example' },
      { code: 'SUP-2', name: 'Leipzig Print', country: 'DE', terms: { currency: 'EUR', reasons: 'any' } },
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
        supplier_code: 'SUP-1',
        unit_cost: 1800,
        unit_cost_currency: 'USD',
      },
    ],
  });
  expect(products.statusCode, products.body).toBe(200);
  const rates = await t.call('PUT', '/api/v1/exchange-rates', {
    rates: [{ day: isoDay(daysAgo(40)), base: 'EUR', quote: 'USD', rate: '1.08' }],
  });
  expect(rates.statusCode, rates.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await peer?.close();
});

async function inspectedReturn(reason: string, deliveredDaysAgo = 3) {
  const delivered = daysAgo(deliveredDaysAgo);
  const order = await t.call(
    'POST',
    '/api/v1/orders',
    makeOrder({
      placed_at: daysAgo(deliveredDaysAgo + 4),
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 2 }],
          carrier: 'DHL',
          tracking_number: null,
          shipped_at: daysAgo(deliveredDaysAgo + 2),
          delivered_at: delivered,
        },
      ],
    }),
  );
  expect(order.statusCode, order.body).toBe(201);
  const created = await t.call('POST', '/api/v1/returns', {
    order_id: order.json().id,
    lines: [{ line_id: 'L1', quantity: 1, reason }],
    resolution: { type: 'refund' },
    method: 'label',
  });
  expect(created.statusCode, created.body).toBe(201);
  const ret = created.json();
  if (ret.status === 'requested') {
    const ok = await t.call('POST', `/api/v1/returns/${ret.id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
  }
  const received = await t.call(
    'POST',
    `/api/v1/returns/${ret.id}/receive`,
    { lines: [{ line_id: 'L1', quantity: 1 }] },
    { role: 'warehouse' },
  );
  expect(received.statusCode, received.body).toBe(200);
  const inspected = await t.call(
    'POST',
    `/api/v1/returns/${ret.id}/inspect`,
    {
      lines: [
        {
          line_id: 'L1',
          grade: 'C',
          checklist: { works: false },
          disposition: 'return_to_supplier',
          deduction: { amount: 0, reason: '' },
        },
      ],
    },
    { role: 'warehouse' },
  );
  expect(inspected.statusCode, inspected.body).toBe(200);
  return { id: ret.id as string, delivered };
}

describe('supplier terms', () => {
  it('saves versions, refuses a stale version and bad terms, and lists terms with suppliers', async () => {
    const before = await t.call('GET', '/api/v1/suppliers/SUP-1');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ code: 'SUP-1', terms: null, terms_version: 0, versions: [] });

    const saved = await t.call('PUT', '/api/v1/suppliers/SUP-1/terms?expected_version=0', SUP1_TERMS);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, changed: true });
    expect(saved.json().terms.return_address.country).toBe('CN');
    const same = await t.call('PUT', '/api/v1/suppliers/SUP-1/terms', SUP1_TERMS);
    expect(same.json()).toMatchObject({ version: 1, changed: false });
    const stale = await t.call('PUT', '/api/v1/suppliers/SUP-1/terms?expected_version=0', {
      ...SUP1_TERMS,
      window_days: 10,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current_version: 1 });

    const bad = await t.call('PUT', '/api/v1/suppliers/SUP-1/terms', {
      ...SUP1_TERMS,
      window_days: -1,
      colour: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_request');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('window_days');
    const noRole = await t.call('PUT', '/api/v1/suppliers/SUP-1/terms', SUP1_TERMS, { role: 'finance' });
    expect(noRole.statusCode).toBe(403);

    const list = (await t.call('GET', '/api/v1/suppliers')).json().data;
    const s1 = list.find((s: { code: string }) => s.code === 'SUP-1');
    const s2 = list.find((s: { code: string }) => s.code === 'SUP-2');
    expect(s1.terms).toMatchObject({ window_days: 7, currency: 'USD', reasons: 'seller_fault' });
    expect(s2.terms).toMatchObject({ reasons: 'any', window_days: 30, currency: 'EUR' });
    expect((await t.call('GET', '/api/v1/suppliers/SUP-1')).json().versions).toHaveLength(1);
  });
});

let claimId: string;
let ret: { id: string; delivered: string };

describe('claims against a supplier', () => {
  it("shows the supplier's position on an inspected unit", async () => {
    ret = await inspectedReturn('wrong_item');
    const pos = await t.call('GET', `/api/v1/cases/${ret.id}/supplier-positions`);
    expect(pos.statusCode, pos.body).toBe(200);
    const [line] = pos.json().data;
    // 7 days from delivery end before the 30 days from the report
    expect(line.position).toMatchObject({
      claimable: true,
      until: isoDay(ret.delivered, 7),
      remedy: 'credit',
    });
    expect(line.supplier.code).toBe('SUP-1');
    expect(line.unit_cost).toEqual({ amount: 1800, currency: 'USD' });

    const late = await inspectedReturn('wrong_item', 12);
    const latePos = (await t.call('GET', `/api/v1/cases/${late.id}/supplier-positions`)).json().data[0];
    expect(latePos.position).toMatchObject({ claimable: false, why: { code: 'window_passed' } });
  });

  it('builds a draft from every claimable unit, once', async () => {
    const res = await t.call(
      'POST',
      '/api/v1/supplier-claims',
      { supplier: 'SUP-1', all_claimable: true },
      { role: 'finance' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json();
    claimId = claim.id;
    expect(claim).toMatchObject({
      status: 'draft',
      currency: 'USD',
      claimed_amount: 1800,
      deadline: isoDay(ret.delivered, 7),
      next_steps: ['send'],
      supplier: { code: 'SUP-1', email: 'claims@factory.example' },
    });
    expect(claim.number).toMatch(/^CLM-\d{5}$/);
    expect(claim.lines).toHaveLength(1);
    expect(claim.lines[0]).toMatchObject({
      source: 'return_line',
      case_id: ret.id,
      line_id: 'L1',
      reason: 'wrong_item',
      quantity: 1,
      amount: 1800,
      evidence: { grade: 'C', checklist: { works: false } },
    });

    const nothing = await t.call('POST', '/api/v1/supplier-claims', {
      supplier: 'SUP-1',
      all_claimable: true,
    });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().code).toBe('not_eligible');
    const twice = await t.call('POST', '/api/v1/supplier-claims', {
      supplier: 'SUP-1',
      items: [{ case_id: ret.id }],
    });
    expect(twice.statusCode).toBe(409);
    const wrongSupplier = await t.call('POST', '/api/v1/supplier-claims', {
      supplier: 'SUP-2',
      items: [{ case_id: ret.id }],
    });
    expect(wrongSupplier.statusCode).toBe(422);
    const warehouse = await t.call(
      'POST',
      '/api/v1/supplier-claims',
      { supplier: 'SUP-1', all_claimable: true },
      { role: 'warehouse' },
    );
    expect(warehouse.statusCode).toBe(403);
    const unit = (await t.call('GET', '/api/v1/suppliers/SUP-1/claimable')).json().data;
    expect(unit.find((u: { case_id: string }) => u.case_id === ret.id).claim).toMatchObject({
      id: claimId,
      status: 'draft',
    });
  });

  it('moves through sent, partly accepted and credited; refuses steps out of order; counts a credit once', async () => {
    const step = (name: string, body: unknown, role: 'finance' | 'agent' = 'finance') =>
      t.call('POST', `/api/v1/supplier-claims/${claimId}/${name}`, body, { role });
    const early = await step('acknowledge', {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'illegal_transition', allowed_steps: ['send'] });

    expect((await step('send', { note: 'by mail' })).json().status).toBe('sent');
    const creditTooSoon = await step('credit', { amount: 100, reference: 'X', received_on: today });
    expect(creditTooSoon.statusCode).toBe(409);
    const ack = await step('acknowledge', { supplier_reference: 'SZ-7781' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', supplier_reference: 'SZ-7781' });

    const lineId = ack.json().lines[0].id;
    const tooMuch = await step('accept', { lines: [{ id: lineId, accepted_amount: 1801 }] });
    expect(tooMuch.statusCode).toBe(400);
    const accepted = await step('accept', { lines: [{ id: lineId, accepted_amount: 1500 }], note: 'wear' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'partly_accepted',
      accepted_amount: 1500,
      next_steps: ['credit'],
    });

    const agentCredit = await step(
      'credit',
      { amount: 1000, reference: 'CN-1', received_on: today },
      'agent',
    );
    expect(agentCredit.statusCode).toBe(403);
    const first = await step('credit', { amount: 1000, reference: 'CN-1', received_on: today });
    expect(first.json()).toMatchObject({ status: 'partly_accepted', credited_amount: 1000 });
    const replay = await step('credit', { amount: 1000, reference: 'CN-1', received_on: today });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ credited_amount: 1000 });
    expect(replay.json().credits).toHaveLength(1);
    const clash = await step('credit', { amount: 900, reference: 'CN-1', received_on: today });
    expect(clash.statusCode).toBe(409);
    const settled = await step('credit', {
      kind: 'replacement',
      amount: 500,
      units: 1,
      reference: 'CN-2',
      received_on: today,
    });
    expect(settled.json()).toMatchObject({ status: 'credited', credited_amount: 1500, next_steps: [] });
    expect(settled.json().events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'sent',
      'acknowledged',
      'partly_accepted',
      'credit_recorded',
      'credited',
    ]);
    const after = await step('credit', { amount: 1, reference: 'CN-3', received_on: today });
    expect(after.statusCode).toBe(409);

    const msg = await t.call('POST', `/api/v1/supplier-claims/${claimId}/messages`, {
      direction: 'in',
      body: '收到，我们会处理。',
    });
    expect(msg.statusCode, msg.body).toBe(201);
    expect(msg.json().events.at(-1)).toMatchObject({
      type: 'message_in',
      data: { body: '收到，我们会处理。' },
    });
  });

  it("mailed the claim with its documents, and threads the supplier's answer back onto it", async () => {
    await t.runJobs();
    const mails = peer.received.filter((m) => m.envelopeTo.includes('claims@factory.example'));
    expect(mails).toHaveLength(1);
    const mail = mails[0]?.parsed;
    expect(mail?.subject).toMatch(/^Claim CLM-\d{5} from Test Store: \$18\.00$/);
    expect(mail?.text).toContain('Dear Shenzhen Factory,');
    expect(mail?.text).toContain('- 1 × Wool jumper (JUMPER-M-BLUE): wrong item');
    expect(mail?.text).toContain('by mail');
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [expect.stringMatching(/^CLM-\d{5}\.pdf$/), 'application/pdf'],
      [expect.stringMatching(/^CLM-\d{5}\.csv$/), 'text/csv'],
    ]);
    expect(mail?.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    const claim = (await t.call('GET', `/api/v1/supplier-claims/${claimId}`)).json();
    const out = claim.messages.find((m: { direction: string; channel: string }) => m.direction === 'out');
    expect(out).toMatchObject({ channel: 'email', status: 'sent', to_address: 'claims@factory.example' });

    const reply = [
      'From: Li Wei <claims@factory.example>',
      'To: support@test-store.example',
      `Subject: Re: ${mail?.subject}`,
      `Message-ID: <reply-${claimId}@factory.example>`,
      `In-Reply-To: ${mail?.messageId}`,
      `References: ${mail?.messageId}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'We accept 15.00 USD; credit note to follow.',
      '',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      payload: reply,
      headers: { authorization: `Bearer ${t.tokens.agent}`, 'content-type': 'message/rfc822' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ case_id: null, supplier_claim_id: claimId, opened_case: false });
    const after = (await t.call('GET', `/api/v1/supplier-claims/${claimId}`)).json();
    expect(after.messages.at(-1)).toMatchObject({
      direction: 'in',
      channel: 'email',
      from_address: 'claims@factory.example',
      body: expect.stringContaining('We accept 15.00 USD'),
    });
    expect(after.events.at(-1)).toMatchObject({
      type: 'message_in',
      actor: 'supplier:claims@factory.example',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      payload: reply,
      headers: { authorization: `Bearer ${t.tokens.agent}`, 'content-type': 'message/rfc822' },
    });
    expect(again.statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/supplier-claims/${claimId}`)).json().messages).toHaveLength(
      after.messages.length,
    );

    const noAddress = await t.call('POST', '/api/v1/supplier-claims', {
      supplier: 'SUP-2',
      manual_lines: [{ description: 'x', reason: 'defective', quantity: 1, amount: 100 }],
    });
    const byMail = await t.call('POST', `/api/v1/supplier-claims/${noAddress.json().id}/send`, {
      email: true,
    });
    expect(byMail.statusCode).toBe(400);
    expect((await t.call('GET', `/api/v1/supplier-claims/${noAddress.json().id}`)).json().status).toBe(
      'draft',
    );
    const byHand = await t.call('POST', `/api/v1/supplier-claims/${noAddress.json().id}/send`, {});
    expect(byHand.json()).toMatchObject({ status: 'sent', messages: [] });
  });

  it('rejects a hand-made claim, deletes only drafts, and writes the claim document', async () => {
    const made = await t.call('POST', '/api/v1/supplier-claims', {
      supplier: 'SUP-1',
      manual_lines: [
        {
          description: 'Short shipment, 3 jumpers',
          sku: 'JUMPER-M-BLUE',
          reason: 'missing_parts',
          quantity: 3,
          amount: 5400,
        },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect(made.json()).toMatchObject({ claimed_amount: 5400, deadline: null });
    const draftGone = await t.call('POST', '/api/v1/supplier-claims', {
      supplier: 'SUP-1',
      manual_lines: [{ description: 'x', reason: 'defective', quantity: 1, amount: 1 }],
    });
    expect((await t.call('DELETE', `/api/v1/supplier-claims/${draftGone.json().id}`)).statusCode).toBe(204);
    expect((await t.call('GET', `/api/v1/supplier-claims/${draftGone.json().id}`)).statusCode).toBe(404);
    // numbers follow the highest one: deleting an earlier draft never hands out a number in use
    const manual = {
      supplier: 'SUP-1',
      manual_lines: [{ description: 'y', reason: 'defective', quantity: 1, amount: 1 }],
    };
    const a = (await t.call('POST', '/api/v1/supplier-claims', manual)).json();
    const b = (await t.call('POST', '/api/v1/supplier-claims', manual)).json();
    expect((await t.call('DELETE', `/api/v1/supplier-claims/${a.id}`)).statusCode).toBe(204);
    const c = await t.call('POST', '/api/v1/supplier-claims', manual);
    expect(c.statusCode, c.body).toBe(201);
    expect(Number(c.json().number.slice(4))).toBe(Number(b.number.slice(4)) + 1);
    for (const id of [b.id, c.json().id])
      expect((await t.call('DELETE', `/api/v1/supplier-claims/${id}`)).statusCode).toBe(204);

    await t.call('POST', `/api/v1/supplier-claims/${id}/send`, {});
    expect((await t.call('DELETE', `/api/v1/supplier-claims/${id}`)).statusCode).toBe(409);
    const noReason = await t.call('POST', `/api/v1/supplier-claims/${id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.call('POST', `/api/v1/supplier-claims/${id}/reject`, {
      reason: 'counted on arrival',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', accepted_amount: 0, next_steps: [] });

    const pdf = await t.call('GET', `/api/v1/supplier-claims/${claimId}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await t.call('GET', `/api/v1/supplier-claims/${claimId}/document.csv`);
    const [header, row] = csv.body.trim().split('\n');
    expect(header).toContain('amount');
    expect(row).toContain(',wrong_item,1,C,0,USD,1800,1500');

    const listed = (await t.call('GET', '/api/v1/supplier-claims?supplier=SUP-1')).json().data;
    expect(listed.map((c: { status: string }) => c.status).sort()).toEqual(['credited', 'rejected']);
    const byStatus = (await t.call('GET', '/api/v1/supplier-claims?status=rejected')).json().data;
    expect(byStatus).toHaveLength(1);
  });
});

describe('the month per supplier', () => {
  it("sets the supplier's credits against what the store refunded, in the reporting currency", async () => {
    const resolved = await t.call(
      'POST',
      `/api/v1/returns/${ret.id}/resolve`,
      {},
      {
        role: 'finance',
        headers: { 'idempotency-key': 'sup-resolve-1' },
      },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    const refund = resolved.json().refunds[0];
    await t.runJobs(); // the manual provider asks a person to pay it
    const paid = await t.call(
      'POST',
      `/api/v1/refunds/${refund.id}/confirm`,
      { reference: 'bank-1' },
      { role: 'finance' },
    );
    expect(paid.statusCode, paid.body).toBe(200);
    const res = await t.call('GET', `/api/v1/suppliers/reconciliation?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.currency).toBe('EUR');
    const s1 = r.data.find((d: { supplier: { code: string } }) => d.supplier.code === 'SUP-1');
    // credited 15.00 USD at 1 EUR = 1.08 USD; claimed 18.00 + 54.00 USD
    expect(s1.credited).toBe(1389);
    expect(s1.claimed).toBe(Math.round(180000 / 108) + Math.round(540000 / 108));
    expect(s1.refunded).toBe(refund.amount);
    expect(s1.difference).toBe(refund.amount - 1389);
    expect(r.totals.credited).toBe(1389);
    expect(r.rates).toEqual([{ from: 'USD', rate: expect.any(String), day: expect.any(String) }]);
    const bad = await t.call('GET', '/api/v1/suppliers/reconciliation?month=2026-13');
    expect(bad.statusCode).toBe(400);
  });
});

describe('gaps and scorecards', () => {
  it('shows where the store promises more than the supplier gives, with the units that fell in', async () => {
    // a change of mind on SUP-1's jumper: the store takes it back, the supplier takes faulty units only
    const order = await t.call('POST', '/api/v1/orders', makeOrder());
    const r = await t.call('POST', '/api/v1/returns', {
      order_id: order.json().id,
      lines: [{ line_id: 'L1', quantity: 2, reason: 'changed_mind' }],
      resolution: { type: 'refund' },
      method: 'label',
    });
    expect(r.statusCode, r.body).toBe(201);
    const res = await t.call('GET', '/api/v1/suppliers/gaps?days=90');
    expect(res.statusCode, res.body).toBe(200);
    const s1 = res.json().data.find((d: { supplier: { code: string } }) => d.supplier.code === 'SUP-1');
    const com = s1.gaps.find((g: { kind: string }) => g.kind === 'change_of_mind');
    expect(com).toMatchObject({ countries: ['DE'], units: 2, value: r.json().refund.total });
    expect(com.message).toMatch(
      /Customers in DE may return for a change of mind within 30 days; SUP-1 takes back faulty units only/,
    );
    const fault = s1.gaps.find((g: { kind: string }) => g.kind === 'seller_fault_window');
    expect(fault).toMatchObject({ supplier_days: 7, units: 1 });
  });

  it('scores suppliers and their SKUs, alerts on a defect rate past the threshold, and exports CSV', async () => {
    const res = await t.call('GET', '/api/v1/analytics/suppliers?by=supplier&threshold=0.1&min_units=2');
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json();
    const s1 = card.data.find((d: { key: string }) => d.key === 'SUP-1');
    // three orders of two jumpers: 2 wrong items returned of 6 sold
    expect(s1.units_sold).toBe(6);
    expect(s1).toMatchObject({ seller_fault_units: 2, wrong_item_units: 2, claims: 2 });
    expect(s1.defect_rate).toBeCloseTo(2 / 6, 6);
    // decided: 18.00 claimed, 15.00 accepted; 54.00 claimed, 0 accepted
    expect(s1.acceptance_rate).toBeCloseTo(1500 / 7200, 2);
    expect(s1.recovered).toBe(1389);
    expect(card.alerts).toEqual([
      expect.objectContaining({
        sku: 'JUMPER-M-BLUE',
        supplier_code: 'SUP-1',
        units_sold: 6,
        message:
          'JUMPER-M-BLUE: 33.3 % of 6 units sold came back faulty or with a problem (alert at 10.0 %).',
      }),
    ]);
    const quiet = (await t.call('GET', '/api/v1/analytics/suppliers?threshold=0.5&min_units=2')).json();
    expect(quiet.alerts).toEqual([]);
    const bySku = (await t.call('GET', '/api/v1/analytics/suppliers?by=sku&supplier=SUP-1')).json();
    expect(bySku.data.map((d: { key: string }) => d.key)).toEqual(['JUMPER-M-BLUE']);
    const csv = await t.call('GET', '/api/v1/analytics/suppliers?by=supplier&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toContain('defect_rate');
    expect(csv.body).toContain('SUP-1,Shenzhen Factory,6,2,2,0,0.333');
    // a wrong item returned, then canceled: its order's units are sold, the canceled return counts
    // for nothing (refused returns leave the card by an anti-join)
    const order = await t.call('POST', '/api/v1/orders', makeOrder());
    const r = await t.call('POST', '/api/v1/returns', {
      order_id: order.json().id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'wrong_item' }],
      resolution: { type: 'refund' },
      method: 'drop_off',
    });
    expect(r.statusCode, r.body).toBe(201);
    const canceled = await t.call('POST', `/api/v1/returns/${r.json().id}/cancel`, {});
    expect(canceled.json().status, canceled.body).toBe('canceled');
    const after = (
      await t.call('GET', '/api/v1/analytics/suppliers?by=supplier&threshold=0.1&min_units=2')
    ).json();
    expect(after.data.find((d: { key: string }) => d.key === 'SUP-1')).toMatchObject({
      units_sold: 8,
      seller_fault_units: 2,
      wrong_item_units: 2,
    });
  });
});

describe('claims from cases', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );

  it('claims a faulty unit reported as an item problem with its photo, and a lost parcel', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const problem = await t.call(
      'POST',
      '/api/v1/cases',
      {
        kind: 'item_problem',
        order_id: order.id,
        lines: [{ line_id: 'L1', quantity: 1 }],
        data: { reason: 'defective', note: 'Seams open' },
      },
      { role: 'agent' },
    );
    expect(problem.statusCode, problem.body).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'seams.png');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${problem.json().id}/evidence`,
      payload: form,
      headers: { authorization: `Bearer ${t.tokens.agent}` },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    const lostOrder = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({
          fulfillments: [
            {
              id: 'F1',
              lines: [{ line_id: 'L1', quantity: 2 }],
              carrier: 'YunExpress',
              tracking_number: 'YT1',
              shipped_at: daysAgo(60),
              delivered_at: null,
            },
          ],
        }),
      )
    ).json();
    const lost = await t.call(
      'POST',
      '/api/v1/cases',
      { kind: 'lost_parcel', order_id: lostOrder.id, data: { fulfillment_id: 'F1' } },
      { role: 'agent' },
    );
    expect(lost.statusCode, lost.body).toBe(201);

    const claimable = (await t.call('GET', '/api/v1/suppliers/SUP-1/claimable')).json().data;
    const fromProblem = claimable.find((u: { case_id: string }) => u.case_id === problem.json().id);
    const fromLost = claimable.find((u: { case_id: string }) => u.case_id === lost.json().id);
    expect(fromProblem).toMatchObject({ source: 'case', reason: 'defective', quantity: 1, claim: null });
    expect(fromProblem.position.claimable).toBe(true);
    // a lost parcel counts from the day it was reported: the claim deadline is what limits it
    expect(fromLost).toMatchObject({ source: 'case', reason: 'lost_parcel', quantity: 2 });
    expect(fromLost.position).toMatchObject({ claimable: true, until: isoDay(new Date().toISOString(), 30) });

    const made = await t.call(
      'POST',
      '/api/v1/supplier-claims',
      {
        supplier: 'SUP-1',
        items: [{ case_id: problem.json().id }, { case_id: lost.json().id, line_id: 'L1' }],
      },
      { role: 'finance' },
    );
    expect(made.statusCode, made.body).toBe(201);
    const claim = made.json();
    expect(claim.claimed_amount).toBe(1800 + 2 * 1800);
    const pLine = claim.lines.find((l: { case_id: string }) => l.case_id === problem.json().id);
    const lLine = claim.lines.find((l: { case_id: string }) => l.case_id === lost.json().id);
    expect(pLine).toMatchObject({ source: 'case', reason: 'defective', amount: 1800 });
    expect(pLine.evidence.files).toEqual([
      { id: expect.any(String), line_id: null, content_type: 'image/png', name: 'seams.png' },
    ]);
    expect(lLine).toMatchObject({ source: 'case', reason: 'lost_parcel', quantity: 2, amount: 3600 });
    const pdf = await t.call('GET', `/api/v1/supplier-claims/${claim.id}/document.pdf`);
    // the photo is drawn into the document
    expect(pdf.rawPayload.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });
});

describe('units read inside another statement', () => {
  it('read back as the units read alone: returns and cases, claimed or not, dates as dates', async () => {
    const now = new Date();
    const filters = [
      {},
      { claimableOnly: true },
      { supplierCode: 'SUP-1', since: new Date(Date.now() - DAY) },
    ];
    await t.database.db.transaction().execute(async (trx) => {
      for (const f of filters) {
        const row = await trx
          .selectFrom('stores')
          .select(unitsWithPositionColumns(trx, t.store.id, f))
          .where('id', '=', t.store.id)
          .executeTakeFirstOrThrow();
        const alone = await unitsWithPosition(trx, t.store.id, f, now);
        expect(readUnitsWithPosition(row, now)).toEqual(alone);
        // the data has both sources, claimed units, and dates to convert
        if (f === filters[0]) {
          expect(new Set(alone.map((u) => u.source))).toEqual(new Set(['return_line', 'case']));
          expect(alone.some((u) => u.claim !== null)).toBe(true);
          expect(alone.some((u) => u.received_at instanceof Date)).toBe(true);
        }
      }
    });
  });
});
