// The SMTP listener for stores that forward their support address: a real SMTP client (nodemailer)
// delivers to it; what it can place becomes a message on a case, what it cannot is refused in the
// SMTP dialogue so the forwarding server keeps it.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE_LIMITS } from '../../src/domain/evidence-limits.ts';
import { classifyMessage } from '../../src/features/inbox/intent/classify.ts';
import { startSmtpListener } from '../../src/features/inbox/smtp-listener.ts';
import { diskFileStore } from '../../src/integrations/storage/file-store.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
let listener: Awaited<ReturnType<typeof startSmtpListener>>;
beforeAll(async () => {
  t = await createTestApp();
  listener = await startSmtpListener(
    t.database,
    { files: diskFileStore(t.filesDir), limits: DEFAULT_EVIDENCE_LIMITS, classify: classifyMessage },
    { host: '127.0.0.1', port: 0 },
    () => {},
  );
});
afterAll(async () => {
  await listener?.close();
  await t?.close();
});

const send = (mail: SendMailOptions) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true })
    .sendMail(mail);

describe('the SMTP listener', () => {
  it('takes a forwarded message for the store named in the recipient', async () => {
    const base = makeOrder();
    const order = (
      await t.call('POST', '/api/v1/orders', {
        ...base,
        customer: { ...(base.customer as object), email: 'pierre@example.fr', language: 'fr' },
      })
    ).json();
    const info = await send({
      from: 'Pierre Durand <pierre@example.fr>',
      to: 'support+test-store@inbound.example',
      subject: `Commande ${order.number}`,
      text: 'Bonjour, je voudrais annuler ma commande, je me suis trompé de taille. Merci.',
      messageId: '<fwd-1@mail.example.fr>',
    });
    expect(info.accepted).toEqual(['support+test-store@inbound.example']);
    const inbox = (await t.call('GET', '/api/v1/messages?direction=in')).json().data;
    const m = inbox.find((x: { subject: string }) => x.subject === `Commande ${order.number}`);
    expect(m).toMatchObject({
      language: 'fr',
      intent: 'cancel_order',
      order_number: order.number,
      case_kind: 'inquiry',
    });
  });

  it('refuses mail it cannot place, in the SMTP dialogue', async () => {
    await expect(
      send({ from: 'stranger@example.org', to: 'test-store@inbound.example', subject: 'Hi', text: 'Hello?' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});
