// The notification engine's second half: the job that sends one message from the outbox.
// At least once for every failure it sees (a refused or broken connection is tried again with the
// queue's backoff; a 5xx refusal is recorded as failed at once), and never twice: the attempt is
// committed before the mail server is called and its outcome right after, and an attempt found
// begun with no outcome (the process stopped between the two) is not sent again but marked failed
// for a person to look at, since the mail server may well have taken it. The Message-ID stays the
// same across attempts: it is the message's idempotency key and what the customer's reply threads on.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type MailAttachment, type Mailer, MailRefused } from '../../integrations/smtp/mailer.ts';
import { completeJob, type JobHandler, MAX_ATTEMPTS } from '../../jobs/queue.ts';
import { signPortalToken } from '../portal/portal-token.ts';
import { renderEmail } from './layout.ts';
import { phrase } from './templates.ts';

export interface SenderDeps {
  /** the files of attachments a message names by what they are (a supplier claim's documents) */
  attachmentsFor?: (
    db: Kysely<DB>,
    storeId: string,
    m: { supplier_claim_id: string | null; attachments: unknown },
  ) => Promise<MailAttachment[]>;
  /** null: no AFTERSALE_SMTP_URL; messages stay in the outbox, shown in the console */
  mailer: Mailer | null;
  /** AFTERSALE_MAIL_FROM */
  from: string | null;
  publicUrl: string;
  /** tests: runs after the mail server accepted and before the outcome is committed (a crash there) */
  afterSend?: () => Promise<void>;
}

export const NOT_CONFIGURED =
  'Kept in the outbox: no SMTP server is set (AFTERSALE_SMTP_URL, AFTERSALE_MAIL_FROM)';
export const IN_DOUBT =
  'Not sent again: an earlier attempt stopped after handing the message to the mail server, which may have delivered it. Send it again by hand if the customer did not get it.';

async function loadOutgoing(db: Kysely<DB>, storeId: string, id: string) {
  return (
    db
      .selectFrom('case_messages as m')
      // a message to a supplier about a claim has no order (and no customer)
      .leftJoin('orders as o', 'o.id', 'm.order_id')
      .leftJoin('customers as cu', 'cu.id', 'o.customer_id')
      .innerJoin('stores as s', 's.id', 'm.store_id')
      .select([
        'm.id',
        'm.status',
        'm.timing',
        'm.subject',
        'm.body',
        'm.language',
        'm.to_address',
        'm.message_id',
        'm.in_reply_to',
        'm.reference_ids',
        'm.action',
        'm.send_started_at',
        'm.author',
        'm.attachments',
        'm.supplier_claim_id',
        'o.id as order_id',
        'o.portal_generation',
        'cu.email',
        'cu.unsubscribed_at',
        's.id as store_id',
        's.name as store_name',
        's.slug',
        's.portal_secret',
        's.brand_color',
        's.logo_url',
        's.notification_settings',
      ])
      .where('m.store_id', '=', storeId)
      .where('m.id', '=', id)
      .where('m.direction', '=', 'out')
      .executeTakeFirst()
  );
}
type Outgoing = NonNullable<Awaited<ReturnType<typeof loadOutgoing>>>;

async function setOutcome(
  db: Kysely<DB>,
  m: Outgoing,
  set: {
    status?: 'queued' | 'sent' | 'failed';
    last_error?: string | null;
    sent_at?: Date;
    send_started_at?: null;
  },
  jobId?: number,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('case_messages')
      .set(set)
      .where('store_id', '=', m.store_id)
      .where('id', '=', m.id)
      .where('status', 'in', ['queued', 'held'])
      .execute();
    if (jobId !== undefined) await completeJob(trx, jobId);
  });
}

/** Where a message's link and its unsubscribe link point: the portal, signed for this order. */
async function links(m: Outgoing, publicUrl: string) {
  if (!m.order_id || !m.email || m.portal_generation === null) return { action: null, unsubscribe: null };
  const { token } = await signPortalToken(
    {
      store_id: m.store_id,
      order_id: m.order_id,
      email: m.email,
      generation: m.portal_generation,
      scope: 'status',
    },
    m.portal_secret,
  );
  const base = `${publicUrl.replace(/\/$/, '')}/returns/${encodeURIComponent(m.slug)}`;
  return {
    action: m.action ? { label: m.action.label, url: `${base}/${m.action.path}#t=${token}` } : null,
    unsubscribe: `${publicUrl.replace(/\/$/, '')}/unsubscribe?t=${token}`,
  };
}

export async function buildMail(m: Outgoing, deps: Pick<SenderDeps, 'from' | 'publicUrl'>) {
  const language = m.language ?? 'en';
  const { action, unsubscribe } = await links(m, deps.publicUrl);
  const proactive = m.timing === 'proactive' && unsubscribe !== null;
  const values = { store_name: m.store_name, url: unsubscribe ?? '' };
  // a supplier gets a business letter: no customer footer
  const footer = m.supplier_claim_id
    ? []
    : proactive
      ? [
          phrase(language, 'unsubscribe').replace(
            /\{\{\s*(\w+)\s*\}\}/g,
            (_, k: string) => values[k as keyof typeof values] ?? '',
          ),
        ]
      : [phrase(language, 'direct_footer')];
  const { html, text } = await renderEmail({
    storeName: m.store_name,
    brandColor: m.brand_color,
    logoUrl: m.logo_url,
    language,
    subject: m.subject ?? '',
    body: m.body,
    action,
    footer,
  });
  const settings = (m.notification_settings ?? {}) as { reply_to?: string | null };
  return {
    from: { name: m.store_name, address: deps.from ?? 'no-reply@localhost' },
    replyTo: settings.reply_to ?? null,
    to: (m.to_address ?? m.email) as string,
    subject: m.subject ?? '',
    text,
    html,
    messageId: m.message_id ?? `<${m.id}@${m.slug}.aftersale>`,
    inReplyTo: m.in_reply_to,
    references: m.reference_ids,
    unsubscribeUrl: proactive ? unsubscribe : null,
    language,
    automatic: m.author.startsWith('system'),
  };
}

export function sendMessageJob(deps: SenderDeps): JobHandler {
  return async (db, job) => {
    const { message_id } = job.payload as { message_id: string };
    const m = await loadOutgoing(db, job.store_id, message_id);
    // dropped (a later message of the same change said more) or already settled
    if (!m || m.status === 'sent' || m.status === 'failed') return;
    if (!deps.mailer || !deps.from) {
      await setOutcome(db, m, { status: 'queued', last_error: NOT_CONFIGURED });
      return;
    }
    if (m.send_started_at) {
      await setOutcome(db, m, { status: 'failed', last_error: IN_DOUBT });
      return;
    }
    if (m.timing === 'proactive' && m.unsubscribed_at) {
      await setOutcome(db, m, { status: 'failed', last_error: 'The customer unsubscribed from updates' });
      return;
    }
    const mail = {
      ...(await buildMail(m, deps)),
      attachments: deps.attachmentsFor ? await deps.attachmentsFor(db, m.store_id, m) : [],
    };
    // the attempt, committed before the mail server hears of it
    await db
      .updateTable('case_messages')
      .set({ send_started_at: new Date(), attempts: sql`attempts + 1` })
      .where('store_id', '=', m.store_id)
      .where('id', '=', m.id)
      .execute();
    try {
      await deps.mailer.send(mail);
    } catch (err) {
      const refused = err instanceof MailRefused ? err : new MailRefused(String(err), false);
      const last = refused.permanent || job.attempts >= MAX_ATTEMPTS;
      // the server said no (or was never reached): nothing went out, so the next attempt may send
      await setOutcome(db, m, {
        ...(last ? { status: 'failed' } : {}),
        last_error: refused.message.slice(0, 1000),
        send_started_at: null,
      });
      if (last) return;
      throw refused;
    }
    await deps.afterSend?.();
    await setOutcome(db, m, { status: 'sent', sent_at: new Date(), last_error: null }, job.id);
  };
}
