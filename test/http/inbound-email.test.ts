// Mail in: raw RFC 5322 messages, composed by nodemailer's MailComposer as a mail client would,
// posted to POST /api/v1/inbound/email.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/integrations/smtp/mailer.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';
import { type SmtpPeer, startSmtpPeer } from '../smtp-peer.ts';

// A real 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let peer: SmtpPeer;
let t: TestApp;
beforeAll(async () => {
  peer = await startSmtpPeer();
  t = await createTestApp({
    sender: {
      mailer: smtpMailer(peer.url),
      from: 'support@test-store.example',
      publicUrl: 'https://shop.example',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await peer?.close();
});

function compose(mail: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer({ to: 'support@test-store.example', ...mail }).compile().build();
}

function inbound(raw: Buffer | string, role: 'owner' | 'agent' | 'warehouse' = 'agent') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/inbound/email',
    payload: raw,
    headers: { authorization: `Bearer ${t.tokens[role]}`, 'content-type': 'message/rfc822' },
  });
}

async function newOrder(customer: Record<string, unknown>) {
  const base = makeOrder();
  const res = await t.call('POST', '/api/v1/orders', {
    ...base,
    customer: { ...(base.customer as object), ...customer },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

const messagesOf = async (caseId: string) =>
  (await t.call('GET', `/api/v1/cases/${caseId}/messages`)).json().data as Record<string, unknown>[];

describe('POST /api/v1/inbound/email', () => {
  it('lands a reply with In-Reply-To on its case, with its photo as evidence', async () => {
    const order = await newOrder({ email: 'klara@example.de', name: 'Klara Weber', segments: ['flagged'] });
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    await t.runJobs();
    const [ack] = (await messagesOf(ret.id)).filter((m) => m.direction === 'out');
    expect(ack?.status).toBe('sent');

    const raw = await compose({
      from: 'Klara Weber <klara@example.de>',
      subject: `Re: ${ack?.subject}`,
      inReplyTo: ack?.message_id as string,
      references: [ack?.message_id as string],
      messageId: '<reply-1@mail.example.de>',
      text: 'Hallo, der Pullover hat ein Loch am Ärmel, siehe Foto. Viele Grüße, Klara',
      attachments: [{ filename: 'loch.png', content: PNG, contentType: 'image/png' }],
    });
    const res = await inbound(raw);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ case_id: ret.id, opened_case: false, duplicate: false, language: 'de' });
    expect(typeof out.message_id).toBe('string');

    const m = (await messagesOf(ret.id)).find((x) => x.id === out.message_id);
    expect(m).toMatchObject({
      direction: 'in',
      channel: 'email',
      language: 'de',
      in_reply_to: ack?.message_id,
      message_id: '<reply-1@mail.example.de>',
      from_address: 'klara@example.de',
    });
    expect(m?.body).toContain('Loch am Ärmel');
    expect(m?.intent).toBe('item_problem');
    const evidence = (await t.call('GET', `/api/v1/cases/${ret.id}/evidence`)).json().data;
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ filename: 'loch.png', content_type: 'image/png' });
    expect(m?.attachments).toEqual([{ evidence_id: evidence[0].id, filename: 'loch.png' }]);

    // the same message again changes nothing
    const again = await inbound(raw);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ case_id: ret.id, message_id: out.message_id, duplicate: true });
    expect((await t.call('GET', `/api/v1/cases/${ret.id}/evidence`)).json().data).toHaveLength(1);
  });

  it('threads by the RMA in the subject only for the customer of that return', async () => {
    const order = await newOrder({ email: 'jonas@example.de', segments: ['flagged'] });
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    const own = await inbound(
      await compose({
        from: 'jonas@example.de',
        subject: `Frage zu ${ret.rma}`,
        text: 'Wann kommt meine Erstattung?',
      }),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().case_id).toBe(ret.id);
    expect(own.json().intent).toBe('refund_status');

    // a stranger naming the RMA does not reach that case
    const stranger = await inbound(
      await compose({
        from: 'someone@else.example',
        subject: `About ${ret.rma}`,
        text: 'Where is my refund?',
      }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().code).toBe('no_matching_order');
  });

  it('opens an inquiry case on the sender’s latest order when nothing matches, routed by its intent', async () => {
    const order = await newOrder({ email: 'li.wei@example.cn', name: '李伟', language: 'zh-Hans' });
    const res = await inbound(
      await compose({
        from: '李伟 <li.wei@example.cn>',
        subject: '我的包裹在哪里？',
        text: '你好，我两周前下的订单还没有收到，物流信息也不更新了。请问我的包裹现在在哪里？谢谢',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ opened_case: true, language: 'zh', intent: 'where_is_my_order' });
    const c = (await t.call('GET', `/api/v1/cases/${out.case_id}`)).json();
    expect(c).toMatchObject({ kind: 'inquiry', order_id: order.id, status: 'open' });
    expect(c.data).toMatchObject({ channel: 'email', language: 'zh', intent: 'where_is_my_order' });
    // the customer is told their message arrived, in their language, as an answer to it
    const out2 = (await messagesOf(out.case_id)).filter((m) => m.direction === 'out');
    expect(out2).toHaveLength(1);
    expect(out2[0]).toMatchObject({ template: 'case_opened', language: 'zh-Hans' });
    expect(out2[0]?.in_reply_to).toBe(
      (await messagesOf(out.case_id)).find((m) => m.direction === 'in')?.message_id,
    );
    // the agent is offered a reply in Chinese with the parcel's facts
    const suggestion = (await t.call('GET', `/api/v1/cases/${out.case_id}/suggested-reply`)).json();
    expect(suggestion).toMatchObject({ intent: 'where_is_my_order', language: 'zh-Hans' });
    expect(suggestion.body).toContain('JD014600006751234567');
    expect(suggestion.body).toContain(order.number);

    const unread = (await t.call('GET', '/api/v1/messages/unread')).json();
    expect(unread.by_kind.inquiry.cases).toBeGreaterThanOrEqual(1);
    const reply = await t.call('POST', `/api/v1/cases/${out.case_id}/reply`, { body: suggestion.body });
    expect(reply.statusCode, reply.body).toBe(201);
    const after = (await t.call('GET', '/api/v1/messages?unread=true')).json().data;
    expect(after.find((m: { case_id: string }) => m.case_id === out.case_id)).toBeUndefined();
    await t.runJobs();
    const sent = peer.received.find((r) => r.parsed.text?.includes('JD014600006751234567'));
    expect(sent?.parsed.inReplyTo).toBe(out2[0]?.in_reply_to);
  });

  it('marks one of our messages failed when its bounce comes back', async () => {
    const order = await newOrder({ email: 'gone@example.de', segments: ['flagged'] });
    const ret = (
      await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] })
    ).json();
    await t.runJobs();
    const [ack] = (await messagesOf(ret.id)).filter((m) => m.direction === 'out');
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.de>',
      'To: support@test-store.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@mx.example.de>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'This is the mail system at host mx.example.de. Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.de',
      '',
      'Final-Recipient: rfc822; gone@example.de',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.de>: Recipient address rejected',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${ack?.message_id}`,
      `Subject: ${ack?.subject}`,
      '--b1--',
      '',
    ].join('\r\n');
    const res = await inbound(bounce);
    expect(res.statusCode, res.body).toBe(201);
    const [after] = (await messagesOf(ret.id)).filter((m) => m.direction === 'out');
    expect(after?.status).toBe('failed');
    expect(after?.last_error).toContain('5.1.1');
  });

  it('refuses what it cannot read, and roles that do not talk to customers', async () => {
    const garbage = await inbound('this is not an email at all');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('unreadable_message');
    const empty = await inbound('');
    expect(empty.statusCode).toBe(400);
    const warehouse = await inbound(
      await compose({ from: 'a@b.example', subject: 'x', text: 'y' }),
      'warehouse',
    );
    expect(warehouse.statusCode).toBe(403);
  });
});
