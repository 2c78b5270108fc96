// Mail out over SMTP (nodemailer): the one place that knows the SDK. AFTERSALE_SMTP_URL is
// `smtp://user:pass@host:port` (STARTTLS when the server offers it) or `smtps://…` (TLS from the
// first byte). A rejection the server gives with a 5xx code is permanent (a bad address, a refused
// sender); anything else (4xx, a connection that failed or timed out) is worth another try.

import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { lazy, requireModule } from '../lazy.ts';

/** nodemailer, loaded on first use (lazy.ts). */
const nodemailer = lazy(() => requireModule('nodemailer') as typeof import('nodemailer'));

export interface OutgoingMail {
  from: { name: string; address: string };
  replyTo?: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`: the message's idempotency key and the anchor of the customer's replies */
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  /** news (not a direct answer) carries List-Unsubscribe with one-click (RFC 8058) */
  unsubscribeUrl?: string | null;
  language?: string;
  /** sent by the system on an event, not written by a person */
  automatic?: boolean;
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface SentMail {
  response: string;
  accepted: string[];
}

export class MailRefused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code?: number,
  ) {
    super(message);
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer().createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: { name: mail.from.name, address: mail.from.address },
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references?.length ? { references: mail.references } : {}),
          ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl } } : {}),
          ...(mail.attachments?.length
            ? {
                attachments: mail.attachments.map((a) => ({
                  filename: a.filename,
                  content: a.content,
                  contentType: a.contentType,
                })),
              }
            : {}),
          headers: {
            ...(mail.unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
            ...(mail.language ? { 'Content-Language': mail.language } : {}),
            // written by the system, not a person: out-of-office replies leave it alone (RFC 3834)
            ...(mail.automatic ? { 'Auto-Submitted': 'auto-generated' } : {}),
          },
        });
        return { response: String(info.response ?? ''), accepted: (info.accepted ?? []).map(String) };
      } catch (err) {
        const e = err as { responseCode?: number; message?: string };
        const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
        throw new MailRefused(String(e.message ?? err), code !== undefined && code >= 500, code);
      }
    },
    close() {
      transport.close();
    },
  };
}
