// Stripe refunds through the official client against a local stand-in that answers Stripe's
// recorded refund: our key goes as Stripe's Idempotency-Key (the same on a retry), and the job and
// Stripe's webhook settle one refund once, whichever reports first.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAs } from '../../src/integrations/webhooks/verify.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';

const recorded = JSON.parse(
  readFileSync(new URL('../../../shared/data/payloads/stripe/refund.json', import.meta.url), 'utf8'),
);
const SECRET = 'whsec_stripe_refunds_test';

interface Seen {
  path: string;
  key: string | undefined;
  auth: string | undefined;
  form: URLSearchParams;
  raw: string;
}
const seen: Seen[] = [];
let failNext = 0;
// like Stripe: a request with a key seen before answers the first result and makes nothing new
const byKey = new Map<string, string>();
let refundsMade = 0;
let answerStatus = 'succeeded';
let stripe: StandIn;
let t: TestApp;

beforeAll(async () => {
  stripe = await startStandIn((req, res) => {
    const form = new URLSearchParams(req.body);
    seen.push({
      path: `${req.method} ${req.url}`,
      key: req.headers['idempotency-key'] as string | undefined,
      auth: req.headers.authorization,
      form,
      raw: req.body,
    });
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/files')
      return res.end(
        JSON.stringify({ id: 'file_evidence_1', object: 'file', purpose: 'dispute_evidence', type: 'pdf' }),
      );
    if (req.url.startsWith('/v1/disputes/')) {
      const dispute = JSON.parse(
        readFileSync(new URL('../../../shared/data/payloads/stripe/dispute.json', import.meta.url), 'utf8'),
      );
      return res.end(
        JSON.stringify({ ...dispute, id: req.url.slice('/v1/disputes/'.length), status: 'under_review' }),
      );
    }
    if (failNext > 0) {
      failNext--;
      res.statusCode = 500;
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'stand-in outage' } }));
      return;
    }
    const key = req.headers['idempotency-key'] as string | undefined;
    const first = key ? byKey.get(key) : undefined;
    if (first) return res.end(first);
    const metadata = Object.fromEntries(
      [...form.entries()].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]),
    );
    refundsMade++;
    const answer = JSON.stringify({
      ...recorded,
      id: `re_test_${seen.length}`,
      amount: Number(form.get('amount')),
      charge: form.get('charge'),
      status: answerStatus,
      metadata,
    });
    if (key) byKey.set(key, answer);
    res.end(answer);
  });
  t = await createTestApp();
  const put = await t.call('PUT', '/api/v1/integrations/stripe', {
    api_key: 'sk_test_0123456789abcdef',
    webhook_secret: SECRET,
    base_url: stripe.url,
  });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});

async function refundedOrder(charge: string) {
  const o = (
    await t.call(
      'POST',
      '/api/v1/orders',
      makeOrder({ payments: [{ provider: 'stripe', reference: charge, amount: 10612 }] }),
    )
  ).json();
  const c = (
    await t.call('POST', '/api/v1/cases', {
      kind: 'inquiry',
      order_id: o.id,
      data: { subject: 'Late', message: 'Where is it?' },
    })
  ).json();
  const r = await t.call(
    'POST',
    `/api/v1/cases/${c.id}/resolve`,
    { resolution: { type: 'refund', amount: 1500, goodwill: true, message: 'Sorry for the wait' } },
    { headers: { 'idempotency-key': `gw-${charge}` } },
  );
  expect(r.statusCode, r.body).toBe(200);
  return { order: o, caseId: c.id as string, refundId: r.json().refunds[0].id as string };
}

const refundRow = (id: string) =>
  t.database.db
    .selectFrom('refunds')
    .select(['status', 'provider_reference', 'amount'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('Stripe refunds', () => {
  it('refunds the charge with our key as the Idempotency-Key, the same key on a retry', async () => {
    const { refundId } = await refundedOrder('ch_1PgafuB7WZ01zgkWXYmPNZs8');
    failNext = 1;
    await t.runJobs();
    expect((await refundRow(refundId)).status).toBe('pending');
    // the retry waits for its backoff; bring it forward
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0), locked_until: null })
      .where('done_at', 'is', null)
      .execute();
    await t.runJobs();
    const calls = seen.filter((s) => s.path === 'POST /v1/refunds');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.key).toMatch(new RegExp(`^aftersale-refund-${refundId}-\\d+$`));
    expect(calls[1]?.key).toBe(calls[0]?.key);
    expect(calls[1]?.auth).toBe('Bearer sk_test_0123456789abcdef');
    expect(calls[1]?.form.get('charge')).toBe('ch_1PgafuB7WZ01zgkWXYmPNZs8');
    expect(calls[1]?.form.get('amount')).toBe('1500');
    expect(await refundRow(refundId)).toMatchObject({ status: 'succeeded', provider_reference: 're_test_2' });
  });

  it('a refund Stripe keeps pending ends through its webhook, counted once', async () => {
    answerStatus = 'pending';
    const { order, refundId } = await refundedOrder('ch_pending_1');
    await t.runJobs();
    answerStatus = 'succeeded';
    const row = await refundRow(refundId);
    expect(row.status).toBe('pending');
    const event = {
      id: 'evt_refund_failed_1',
      object: 'event',
      type: 'refund.updated',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          ...recorded,
          id: row.provider_reference,
          charge: 'ch_pending_1',
          amount: 1500,
          status: 'failed',
        },
      },
    };
    const raw = Buffer.from(JSON.stringify(event));
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/stripe/${t.store.slug}`,
      payload: raw,
      headers: { 'content-type': 'application/json', ...signAs('stripe', SECRET, raw) },
    });
    expect(res.statusCode).toBe(200);
    await t.runJobs();
    expect((await refundRow(refundId)).status).toBe('failed');
    // the amount is back in what the order can still refund
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(0);
  });

  it('records a refund made in the Stripe dashboard on our charge once', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({ payments: [{ provider: 'stripe', reference: 'ch_dash_1', amount: 10612 }] }),
      )
    ).json();
    const event = (id: string) => ({
      id,
      object: 'event',
      type: 'charge.refunded',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'ch_dash_1',
          object: 'charge',
          refunds: {
            data: [
              {
                ...recorded,
                id: 're_dash_1',
                charge: 'ch_dash_1',
                amount: 2500,
                status: 'succeeded',
                metadata: {},
              },
            ],
          },
        },
      },
    });
    for (const id of ['evt_d1', 'evt_d2']) {
      const raw = Buffer.from(JSON.stringify(event(id)));
      await t.app.inject({
        method: 'POST',
        url: `/webhooks/stripe/${t.store.slug}`,
        payload: raw,
        headers: { 'content-type': 'application/json', ...signAs('stripe', SECRET, raw) },
      });
    }
    await t.runJobs();
    expect((await t.call('GET', `/api/v1/orders/${o.id}`)).json().totals.refunded).toBe(2500);
  });

  it('answers a Stripe dispute from the case: the evidence goes to Stripe with submit, the case is submitted', async () => {
    const o = (
      await t.call(
        'POST',
        '/api/v1/orders',
        makeOrder({ payments: [{ provider: 'stripe', reference: 'ch_disputed_1', amount: 10612 }] }),
      )
    ).json();
    await t.call('POST', `/api/v1/cases`, {
      kind: 'inquiry',
      order_id: o.id,
      data: { subject: 'Parcel', message: 'Got it, thanks!' },
    });
    const c = (
      await t.call('POST', '/api/v1/cases', {
        kind: 'dispute',
        order_id: o.id,
        data: {
          provider: 'stripe',
          provider_dispute_id: 'dp_evidence_1',
          amount: 10612,
          currency: 'EUR',
          reason: 'product_not_received',
        },
      })
    ).json();
    const res = await t.call('POST', `/api/v1/cases/${c.id}/dispute/submit-evidence`, {}, { role: 'agent' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', data: { provider_status: 'under_review' } });
    const call = seen.find((s) => s.path === 'POST /v1/disputes/dp_evidence_1');
    expect(call?.key).toBe(`aftersale-dispute-evidence-${c.id}`);
    expect(call?.form.get('submit')).toBe('true');
    // the evidence pack went up as a file and is named in the evidence
    const upload = seen.find((s) => s.path === 'POST /v1/files');
    expect(upload?.raw).toContain('%PDF-');
    expect(upload?.raw).toContain('dispute_evidence');
    expect(call?.form.get('evidence[uncategorized_file]')).toBe('file_evidence_1');
    expect(call?.form.get('evidence[shipping_tracking_number]')).toBe('JD014600006751234567');
    expect(call?.form.get('evidence[shipping_carrier]')).toBe('DHL');
    expect(call?.form.get('evidence[customer_email_address]')).toBe('anna@example.de');
    expect(call?.form.get('evidence[uncategorized_text]')).toContain('Customer: Got it, thanks!');
    const again = await t.call(
      'POST',
      `/api/v1/cases/${c.id}/dispute/submit-evidence`,
      {},
      { role: 'agent' },
    );
    expect(again.json().code).toBe('illegal_transition');
  });

  it("a worker that died between Stripe's answer and our commit does not refund twice", async () => {
    const { refundId } = await refundedOrder('ch_crash_1');
    const job = await t.database.db
      .selectFrom('jobs')
      .select(['id'])
      .where('kind', '=', 'refunds.execute')
      .where(sql<boolean>`payload->>'refund_id' = ${refundId}`)
      .executeTakeFirstOrThrow();
    // the first worker reached Stripe with the job's key, then died before recording the answer
    const { stripeProvider } = await import('../../src/integrations/payments/stripe.ts');
    const before = refundsMade;
    const lost = await stripeProvider({ apiKey: 'sk_test_0123456789abcdef', baseUrl: stripe.url }).refund({
      amount: 1500,
      currency: 'EUR',
      payment_reference: 'ch_crash_1',
      idempotency_key: `aftersale-refund-${refundId}-${job.id}`,
      reason: 'return',
    });
    expect(lost.status).toBe('succeeded');
    // the job runs again: same key, Stripe answers the first refund, nothing new is made
    await t.runJobs();
    expect(refundsMade).toBe(before + 1);
    expect(await refundRow(refundId)).toMatchObject({
      status: 'succeeded',
      provider_reference: lost.reference,
    });
  });
});
