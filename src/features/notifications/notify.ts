// The notification engine's first half: a case event -> the rule that answers it -> the template in
// the customer's language -> a row in the outbox, written in the transaction of the event, so a
// message exists exactly when what it tells happened. The sender job (send-message.ts) takes it from
// there. Direct answers are queued at once; news is held for the customer's daytime.
import { randomUUID } from 'node:crypto';
import { type QueryCreator, sql } from 'kysely';
import type { DB, MessageAction, Tx } from '../../db/schema.ts';
import { type Alongside, writeTogether } from '../../db/with.ts';
import { delayRights } from '../../domain/cases/shipment-clock.ts';
import { DEFAULT_DAYTIME, daytimeSchema, nextDaytime } from '../../domain/notifications/local-hours.ts';
import { formatDateTime, formatMoney, normalizeLanguage, t } from '../../i18n/index.ts';
import { jobInsert } from '../../jobs/queue.ts';
import { surveyWrites } from '../surveys/surveys.ts';
import { loadRecipient, type Recipient } from './recipient.ts';
import { fill, phrase, shippedTemplate, TEMPLATE_DEFS, type TemplateKey } from './templates.ts';

/** A message worked out by a rule, before it is written. */
export interface Draft {
  template: TemplateKey;
  values: Record<string, string>;
  /** messages of these templates still queued from this same transaction say less: they are dropped */
  supersedes?: TemplateKey[];
  /** the team member answering (an agent's reply), else the system */
  author?: string;
  /** not sent before this (a survey some days after the case closed); news still waits for daytime */
  notBefore?: Date;
  /** the customer's message this answers (threading); by default their last one on the case */
  inReplyTo?: { messageId: string; references: string[] } | null;
}

interface StoredTemplate {
  subject: string;
  body: string;
}

/** The store's own text for a template in a language (from those the recipient brought), else the shipped one. */
function recipientTemplate(r: Recipient, key: TemplateKey): StoredTemplate & { language: string } {
  const language = normalizeLanguage(r.language);
  const own = r.ownTemplates.find((t) => t.key === key && t.language === language);
  if (own) return { subject: own.subject, body: own.body, language };
  return shippedTemplate(key, r.language);
}

/** The store's own text for a template in a language, else the shipped one. */
export async function templateText(
  trx: Tx,
  storeId: string,
  key: TemplateKey,
  language: string,
): Promise<StoredTemplate & { language: string; edited: boolean }> {
  const own = await trx
    .selectFrom('message_templates')
    .select(['subject', 'body'])
    .where('store_id', '=', storeId)
    .where('key', '=', key)
    .where('language', '=', normalizeLanguage(language))
    .executeTakeFirst();
  if (own) return { ...own, language: normalizeLanguage(language), edited: true };
  return { ...shippedTemplate(key, language), edited: false };
}

/** Subject and whole text (greeting, body, sign-off) of a template for a recipient. */
export function compose(
  text: StoredTemplate,
  language: string,
  values: Readonly<Record<string, string>>,
): { subject: string; body: string } {
  const greeting = values.customer_name
    ? fill(phrase(language, 'greeting'), values)
    : phrase(language, 'greeting_anonymous');
  const body = fill(text.body, values)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    subject: fill(text.subject, values).replace(/\s+/g, ' ').trim(),
    body: `${greeting}\n\n${body}\n\n${fill(phrase(language, 'signoff'), values)}`,
  };
}

export function commonValues(r: Recipient): Record<string, string> {
  return {
    customer_name: r.name ?? '',
    store_name: r.storeName,
    number: r.caseNumber,
    order_number: r.orderNumber,
  };
}

function actionFor(key: TemplateKey, r: Recipient): MessageAction | null {
  const action = TEMPLATE_DEFS[key].action;
  if (!action) return null;
  if (!r.caseId) return { kind: 'portal', label: phrase(r.language, 'action.portal'), path: 'order' };
  const label = phrase(r.language, `action.${action}`);
  if (action === 'survey') return { kind: 'survey', label, path: `survey/${r.caseId}` };
  if (action === 'return') return { kind: 'portal', label, path: `returns/${r.caseId}` };
  if (action === 'case') return { kind: 'portal', label, path: `cases/${r.caseId}` };
  return { kind: 'portal', label, path: 'order' };
}

const domainOf = (slug: string) => `${slug}.aftersale`;

/** The message and its send job as writes for one statement (with what it supersedes), or null when nothing goes out. */
export function messageWrites(
  r: Recipient,
  draft: Draft,
  now = new Date(),
): { id: string; writes: Alongside[] } | null {
  const def = TEMPLATE_DEFS[draft.template];
  if (def.timing === 'proactive' && r.unsubscribed) return null;
  const text = recipientTemplate(r, draft.template);
  const { subject, body } = compose(text, text.language, { ...commonValues(r), ...draft.values });
  const parsed = daytimeSchema.safeParse(r.daytime ?? {});
  const from = draft.notBefore && draft.notBefore > now ? draft.notBefore : now;
  const sendAfter =
    def.timing === 'direct'
      ? from
      : nextDaytime(from, r.timeZone, parsed.success ? parsed.data : DEFAULT_DAYTIME);
  const id = randomUUID();
  const inReplyTo = draft.inReplyTo === undefined ? r.lastInbound : draft.inReplyTo;
  const supersedes = draft.supersedes ?? [];
  const caseId = r.caseId;
  // what this message says more fully (queued by this same change), the message and its send job
  const writes: Alongside[] = [
    ...(supersedes.length && caseId
      ? [
          (db: QueryCreator<DB>) =>
            db
              .deleteFrom('case_messages')
              .where('store_id', '=', r.storeId)
              .where('case_id', '=', caseId)
              .where('direction', '=', 'out')
              .where('status', 'in', ['queued', 'held'])
              .where('template', 'in', supersedes)
              // now() is the transaction's start: only what this same change queued
              .where('at', '=', sql<Date>`now()`),
        ]
      : []),
    (db: QueryCreator<DB>) =>
      db.insertInto('case_messages').values({
        store_id: r.storeId,
        id,
        case_id: r.caseId,
        order_id: r.orderId,
        direction: 'out',
        channel: 'email',
        author: draft.author ?? 'system:notifications',
        body,
        subject,
        status: sendAfter.getTime() > now.getTime() ? 'held' : 'queued',
        timing: def.timing,
        send_after: sendAfter,
        template: draft.template,
        language: text.language,
        to_address: r.email,
        message_id: `<${id}@${domainOf(r.storeSlug)}>`,
        in_reply_to: inReplyTo?.messageId ?? null,
        reference_ids: inReplyTo?.references ?? [],
        action: JSON.stringify(actionFor(draft.template, r)),
      }),
    jobInsert(r.storeId, 'messages.send', { message_id: id }, sendAfter),
  ];
  return { id, writes };
}

/** Writes the message and its send job in one statement; returns the message's id, or null when nothing goes out. */
export async function queueMessage(
  trx: Tx,
  r: Recipient,
  draft: Draft,
  now = new Date(),
): Promise<string | null> {
  const message = messageWrites(r, draft, now);
  if (!message) return null;
  await writeTogether(trx, message.writes);
  return message.id;
}

// --- the rules: which event says what -------------------------------------------------------

type Data = Record<string, unknown>;
type Rule = (trx: Tx, r: Recipient, data: Data) => Promise<Draft | null> | Draft | null;

const money = (r: Recipient, amount: unknown, currency?: unknown) =>
  typeof amount === 'number'
    ? formatMoney(r.language, amount, typeof currency === 'string' ? currency : r.currency)
    : '';

function outcomeText(r: Recipient, data: Data): string {
  const type = String(data.type ?? 'none');
  if (type === 'none') return typeof data.message === 'string' ? data.message : '';
  return fill(phrase(r.language, `outcome.${type}`), { amount: money(r, data.amount, data.currency) });
}

const customerFacing = (r: Recipient) => r.kind !== 'dispute';

export const RULES: Readonly<Record<string, Rule | undefined>> = {
  // (a return approved in the same change says so in one message: the approval; see notifyOnEvent)
  requested: (_trx, r) =>
    r.kind === 'return' ? { template: 'return_requested', values: { items: r.items } } : null,
  approved: (_trx, r) =>
    r.kind === 'return'
      ? {
          template: 'return_approved',
          values: { items: r.items },
          supersedes: ['return_requested'],
        }
      : null,
  label_issued: (_trx, _r, d) => ({
    template: 'return_label',
    values: { carrier: String(d.carrier ?? ''), tracking_number: String(d.tracking_number ?? '') },
    supersedes: ['return_requested', 'return_approved'],
  }),
  rejected: (_trx, r, d) =>
    r.kind === 'return' ? { template: 'return_rejected', values: { reason: String(d.message ?? '') } } : null,
  received: (_trx, r) => (r.kind === 'return' ? { template: 'return_received', values: {} } : null),
  refund_succeeded: (_trx, r, d) =>
    customerFacing(r) ? { template: 'refund_sent', values: { amount: money(r, d.amount) } } : null,
  opened: (_trx, r): Draft | null => {
    if (!customerFacing(r)) return null;
    if (r.kind === 'delivery_delay')
      return {
        template: 'delivery_delay',
        values: {
          rights: delayRights(r.destination)
            .map((e) => t(r.language, `explanations.${e.code}`, e.params))
            .join(' '),
        },
      };
    return {
      template: 'case_opened',
      values: {
        case_kind: phrase(r.language, `case_kind.${r.kind}`),
        due: r.slaDueAt ? formatDateTime(r.language, r.slaDueAt.toISOString(), r.timeZone) : '',
      },
    };
  },
  offered: (_trx, r, d) => {
    const resolution = (d.resolution ?? {}) as Data;
    return {
      template: 'case_offer',
      values: {
        offer: fill(phrase(r.language, `offer.${String(resolution.type)}`), {
          amount: money(r, resolution.amount),
        }),
        message: typeof d.message === 'string' ? d.message : '',
      },
    };
  },
  resolved: (_trx, r, d) =>
    customerFacing(r) && r.kind !== 'return'
      ? { template: 'case_resolved', values: { outcome: outcomeText(r, d) }, supersedes: ['case_opened'] }
      : null,
  replacement_shipped: (_trx, _r, d) => ({
    template: 'replacement_shipped',
    values: { carrier: String(d.carrier ?? ''), tracking_number: String(d.tracking_number ?? '') },
  }),
};

/** An event a rule may answer (a case event, as written by insertEvents). */
export interface NoticeEvent {
  store_id: string;
  case_id: string;
  type: string;
  actor: string;
  data?: unknown;
}

/**
 * What an event's rule says: the message's writes, and the survey's for a resolution. Worked out
 * before the event is written when the case already exists, so they go in the event's statement.
 */
export async function notificationFor(
  trx: Tx,
  e: NoticeEvent,
  /** the case's recipient, when the caller read it with its own query */
  known?: Recipient,
): Promise<Alongside[]> {
  const rule = RULES[e.type];
  if (!rule) return [];
  // a case the survey opened: the survey page already told the customer someone will write
  if (e.type === 'opened' && e.actor === 'system:survey') return [];
  const data = (e.data ?? {}) as Data;
  // a return approved in the same change: its approval is the one message (no need to read anything)
  if (e.type === 'requested' && data.auto_approved === true) return [];
  const r = known ?? (await loadRecipient(trx, e.store_id, e.case_id));
  if (!r) return [];
  const draft = await rule(trx, r, data);
  return [
    ...(draft ? (messageWrites(r, draft)?.writes ?? []) : []),
    // some days later: how did we do?
    ...(e.type === 'resolved' ? surveyWrites(r) : []),
  ];
}
