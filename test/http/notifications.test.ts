// Mail to customers over a real SMTP exchange: the smtp-server package is the peer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueMessage } from '../../src/features/notifications/notify.ts';
import { loadRecipient } from '../../src/features/notifications/recipient.ts';
import { IN_DOUBT, NOT_CONFIGURED } from '../../src/features/notifications/send-message.ts';
import { smtpMailer } from '../../src/integrations/smtp/mailer.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { daysAgo, makeOrder } from '../builders.ts';
import { type SmtpPeer, startSmtpPeer } from '../smtp-peer.ts';

let peer: SmtpPeer;
let t: TestApp;
let crashAfterSend = false;

beforeAll(async () => {
  peer = await startSmtpPeer();
  t = await createTestApp({
    sender: {
      mailer: smtpMailer(peer.url),
      from: 'support@test-store.example',
      publicUrl: 'https://returns.test-store.example',
      afterSend: async () => {
        if (crashAfterSend) throw new Error('the process stopped here');
      },
    },
  });
});
afterAll(async () => {
  await t?.close();
  await peer?.close();
});
beforeEach(() => {
  peer.received.length = 0;
  crashAfterSend = false;
});

async function newOrder(customer: Record<string, unknown> = {}) {
  const base = makeOrder();
  const res = await t.call('POST', '/api/v1/orders', {
    ...base,
    customer: { ...(base.customer as object), ...customer },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

async function messages(caseId: string) {
  const res = await t.call('GET', `/api/v1/cases/${caseId}/messages`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Record<string, unknown>[];
}

describe('mail to customers', () => {
  it('acknowledges a German return request in German at once, with the RMA in the subject', async () => {
    const order = await newOrder({ email: 'anna.de@example.de', language: 'de', segments: ['flagged'] });
    const created = await t.call('POST', '/api/v1/returns', {
      order_id: order.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const ret = created.json();
    expect(ret.status).toBe('requested');

    const queued = (await messages(ret.id)).filter((m) => m.direction === 'out' && m.channel === 'email');
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'queued', language: 'de', template: 'return_requested' });
    expect(Date.parse(queued[0]?.send_after as string)).toBeLessThanOrEqual(Date.now());

    await t.runJobs();
    expect(peer.received).toHaveLength(1);
    const mail = peer.received[0];
    if (!mail) throw new Error('no mail received');
    expect(mail.envelopeTo).toEqual(['anna.de@example.de']);
    expect(mail.parsed.subject).toContain(ret.rma);
    expect(mail.parsed.subject).toBe(queued[0]?.subject);
    expect(mail.parsed.text).toContain('Anna Schmidt');
    expect(mail.parsed.text).toContain('1 × Wool jumper (M / Blue)');
    expect(mail.parsed.html).toContain('<html');
    expect(mail.parsed.from?.value[0]).toEqual({ name: 'Test Store', address: 'support@test-store.example' });
    expect(mail.parsed.messageId).toBe(queued[0]?.message_id);
    // a direct answer: no unsubscribe header, and its link opens the return in the portal
    expect(mail.parsed.headers.get('list-unsubscribe')).toBeUndefined();
    expect(mail.parsed.text).toMatch(
      new RegExp(
        `https://returns\\.test-store\\.example/returns/test-store/returns/${ret.id}#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+`,
      ),
    );
    expect(mail.parsed.headers.get('content-language')).toBe('de');
    const after = (await messages(ret.id)).find((m) => m.id === queued[0]?.id);
    expect(after).toMatchObject({ status: 'sent' });
  });

  it('sends one mail for a change that says two things (auto-approved: the approval, not the request)', async () => {
    const order = await newOrder({ email: 'lea@example.de' });
    const created = await t.call('POST', '/api/v1/returns', {
      order_id: order.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
      resolution: { type: 'refund' },
      method: 'drop_off',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().status).toBe('approved');
    const out = (await messages(created.json().id)).filter((m) => m.direction === 'out');
    expect(out.map((m) => m.template)).toEqual(['return_approved']);
  });

  it('drops what a later message of the same change says more fully, with its job, and nothing else', async () => {
    const order = await newOrder({ email: 'mia@example.de' });
    const first = await t.call('POST', '/api/v1/returns', {
      order_id: order.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
      method: 'drop_off',
    });
    const id = first.json().id as string;
    const before = (await messages(id)).filter((m) => m.direction === 'out').map((m) => m.template);
    await t.database.db.transaction().execute(async (trx) => {
      const r = await loadRecipient(trx, t.store.id, id);
      if (!r) throw new Error('no recipient');
      await queueMessage(trx, r, { template: 'return_received', values: {} });
      await queueMessage(trx, r, {
        template: 'return_approved',
        values: {},
        supersedes: ['return_received'],
      });
    });
    const out = (await messages(id)).filter((m) => m.direction === 'out').map((m) => m.template);
    // the approval queued by the earlier request stays (another change); the received one is gone
    expect(out).toEqual([...before, 'return_approved']);
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'messages.send')
      .execute();
    const ids = new Set((await messages(id)).map((m) => m.id));
    // every message left has its send job (the dropped one's job finds no message and does nothing)
    expect(jobs.filter((j) => ids.has((j.payload as { message_id: string }).message_id))).toHaveLength(
      out.length,
    );
  });

  it('tells the customer why a return was rejected, in a mail that was really sent', async () => {
    const order = await newOrder({ email: 'ben@example.de', language: 'en', segments: ['flagged'] });
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    const rejected = await t.call('POST', `/api/v1/returns/${ret.id}/reject`, {
      reason_code: 'outside_window',
      message: 'Your order arrived more than 30 days ago.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await t.runJobs();
    const out = (await messages(ret.id)).filter(
      (m) => m.direction === 'out' && m.template === 'return_rejected',
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.status).toBe('sent');
    const mail = peer.received.find((r) => r.parsed.messageId === out[0]?.message_id);
    expect(mail?.parsed.subject).toContain(ret.rma);
    expect(mail?.parsed.text).toContain('Your order arrived more than 30 days ago.');
  });

  it('holds news until 08:00 in the customer’s zone, and sends it then', async () => {
    // a zone where it is now between midnight and 06:00
    const utcHour = new Date().getUTCHours();
    const offset = ((3 - utcHour + 36) % 24) - 12; // local hour 03:00 (±12 h range)
    const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const base = makeOrder();
    const o = await t.call('POST', '/api/v1/orders', {
      ...base,
      customer: { ...(base.customer as object), email: 'night@example.de', time_zone: zone },
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 2 }],
          carrier: 'DHL',
          tracking_number: 'JD0146000067512',
          shipped_at: daysAgo(25),
          delivered_at: null,
        },
      ],
    });
    expect(o.statusCode, o.body).toBe(201);
    const order = o.json();
    const c = await t.call(
      'POST',
      '/api/v1/cases',
      { kind: 'delivery_delay', order_id: order.id, data: { fulfillment_id: 'F1' } },
      { headers: { 'idempotency-key': `delay-${order.id}` } },
    );
    expect(c.statusCode, c.body).toBe(201);
    const [m] = (await messages(c.json().id)).filter((x) => x.direction === 'out');
    expect(m).toMatchObject({ status: 'held', template: 'delivery_delay' });
    const wait = Date.parse(m?.send_after as string) - Date.now();
    expect(wait).toBeGreaterThan(4 * 3600_000);
    expect(wait).toBeLessThanOrEqual(5 * 3600_000);
    // at 08:00 local
    expect(new Date(m?.send_after as string).getUTCHours()).toBe((8 - offset + 24) % 24);
    await t.runJobs();
    expect(peer.received).toHaveLength(0);
    // the morning comes
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('kind', '=', 'messages.send')
      .where('done_at', 'is', null)
      .execute();
    await t.runJobs();
    expect(peer.received).toHaveLength(1);
    // news carries the one-click unsubscribe (RFC 8058)
    const raw = peer.received[0]?.raw ?? '';
    expect(raw).toMatch(
      /^List-Unsubscribe:\s*<https:\/\/returns\.test-store\.example\/unsubscribe\?t=[\w.-]+>/m,
    );
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  });

  it('never sends a message twice when the job is retried after a crash between send and commit', async () => {
    const order = await newOrder({ email: 'crash@example.de', segments: ['flagged'] });
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    crashAfterSend = true;
    await t.runJobs();
    expect(peer.received).toHaveLength(1);
    crashAfterSend = false;
    // the retry, once the backoff is over
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('done_at', 'is', null)
      .execute();
    await t.runJobs();
    expect(peer.received).toHaveLength(1);
    const [m] = (await messages(ret.id)).filter((x) => x.direction === 'out');
    expect(m).toMatchObject({ status: 'failed', last_error: IN_DOUBT, attempts: 1 });
  });

  it('tries again after a temporary refusal, and records a permanent one as failed', async () => {
    const order = await newOrder({ email: 'busy@example.de', segments: ['flagged'] });
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    peer.refuseNext(1, 451, 'Greylisted, try again later');
    await t.runJobs();
    expect(peer.received).toHaveLength(0);
    let [m] = (await messages(ret.id)).filter((x) => x.direction === 'out');
    expect(m?.status).toBe('queued');
    expect(String(m?.last_error)).toContain('Greylisted');
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('done_at', 'is', null)
      .execute();
    await t.runJobs();
    expect(peer.received).toHaveLength(1);
    [m] = (await messages(ret.id)).filter((x) => x.direction === 'out');
    expect(m).toMatchObject({ status: 'sent', attempts: 2, last_error: null });

    const order2 = await newOrder({ email: 'nobody@example.de', segments: ['flagged'] });
    const ret2 = (
      await t.call('POST', '/api/v1/returns', {
        order_id: order2.id,
        lines: [{ line_id: 'L1', quantity: 1 }],
      })
    ).json();
    peer.refuseNext(1, 550, 'No such mailbox');
    await t.runJobs();
    const [m2] = (await messages(ret2.id)).filter((x) => x.direction === 'out');
    expect(m2?.status).toBe('failed');
    expect(String(m2?.last_error)).toContain('No such mailbox');
  });
});

describe('without SMTP settings', () => {
  it('keeps every message in the outbox, as a mail catcher would', async () => {
    const plain = await createTestApp();
    try {
      const o = await plain.call('POST', '/api/v1/orders', makeOrder());
      const ret = (
        await plain.call('POST', '/api/v1/returns', {
          order_id: o.json().id,
          lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
          resolution: { type: 'refund' },
          method: 'drop_off',
        })
      ).json();
      await plain.runJobs();
      const res = await plain.call('GET', `/api/v1/cases/${ret.id}/messages`);
      const [m] = res.json().data.filter((x: { direction: string }) => x.direction === 'out');
      expect(m).toMatchObject({ status: 'queued', last_error: NOT_CONFIGURED, channel: 'email' });
      expect(m.body).toContain(ret.rma);
    } finally {
      await plain.close();
    }
  });
});
