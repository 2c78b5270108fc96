// Who a message is for and how to speak to them: the customer of a case (or of an order, for news
// no case is about), their language and time zone, the store's texts and settings, what the case
// holds and the customer's last message on it, read in one query (also as JSON inside a step's lock).
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { Tx } from '../../db/schema.ts';
import { defaultTimeZone } from '../../domain/jurisdictions.ts';
import { normalizeLanguage } from '../../i18n/index.ts';

/** Who the message is for and how to speak to them, read once per event that has a rule. */
export interface Recipient {
  storeId: string;
  storeName: string;
  storeSlug: string;
  /** null: news about the order that no case is about (tracking) */
  caseId: string | null;
  /** the case's number, or the order's for news about the order */
  caseNumber: string;
  kind: string;
  orderId: string;
  orderNumber: string;
  currency: string;
  email: string;
  name: string | null;
  language: string;
  timeZone: string;
  destination: string;
  unsubscribed: boolean;
  slaDueAt: Date | null;
  daytime: unknown;
  /** the store's notification settings (local hours, survey delay) */
  settings: { daytime?: unknown; survey_after_days?: number | null };
  /** the case's assignee, who a survey is about */
  assigneeId: string | null;
  /** what the case's return holds, as customers read it ("1 × Jumper (M)"); '' for other cases */
  items: string;
  /** the customer's last message on the case, which a direct answer replies to (threading) */
  lastInbound: { messageId: string; references: string[] } | null;
  /** the case has its satisfaction survey already (one per case) */
  surveyed: boolean;
  /** the store's own texts (edited templates), all keys and languages: usually none */
  ownTemplates: { key: string; language: string; subject: string; body: string }[];
}

function recipientQuery(trx: Tx, storeId: string) {
  return trx
    .selectFrom('orders as o')
    .innerJoin('customers as cu', 'cu.id', 'o.customer_id')
    .innerJoin('stores as s', 's.id', 'o.store_id')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('message_templates as mt')
          .select(['mt.key', 'mt.language', 'mt.subject', 'mt.body'])
          .whereRef('mt.store_id', '=', 's.id'),
      ).as('own_templates'),
    )
    .select([
      'o.id as order_id',
      'o.number as order_number',
      'o.currency',
      'o.customer_language',
      'o.customer_time_zone',
      'o.destination_country',
      'cu.email',
      'cu.name',
      'cu.language',
      'cu.time_zone',
      'cu.unsubscribed_at',
      's.name as store_name',
      's.slug',
      's.languages',
      's.notification_settings',
    ])
    .where('o.store_id', '=', storeId);
}
type RecipientRow = NonNullable<Awaited<ReturnType<ReturnType<typeof recipientQuery>['executeTakeFirst']>>>;

interface CaseParts {
  id: string;
  number: string;
  kind: string;
  sla_due_at: Date | null;
  assignee_user_id: string | null;
  items: { title: string; variant: string | null; quantity: number }[];
  last_inbound: { message_id: string | null; reference_ids: string[] } | null;
  surveyed: boolean;
}

function recipientOf(storeId: string, r: RecipientRow, c: CaseParts | null): Recipient {
  const settings = r.notification_settings as Recipient['settings'];
  const last = c?.last_inbound;
  return {
    storeId,
    storeName: r.store_name,
    storeSlug: r.slug,
    caseId: c?.id ?? null,
    caseNumber: c?.number ?? r.order_number,
    kind: c?.kind ?? 'order',
    orderId: r.order_id,
    orderNumber: r.order_number,
    currency: r.currency,
    email: r.email,
    name: r.name,
    language: normalizeLanguage(r.customer_language ?? r.language ?? r.languages[0] ?? 'en'),
    timeZone: r.customer_time_zone ?? r.time_zone ?? defaultTimeZone(r.destination_country),
    destination: r.destination_country,
    unsubscribed: r.unsubscribed_at !== null,
    slaDueAt: c?.sla_due_at ?? null,
    daytime: settings.daytime,
    settings,
    assigneeId: c?.assignee_user_id ?? null,
    items: (c?.items ?? [])
      .map((l) => `${l.quantity} × ${l.title}${l.variant ? ` (${l.variant})` : ''}`)
      .join(', '),
    lastInbound: last?.message_id
      ? { messageId: last.message_id, references: [...last.reference_ids, last.message_id].slice(-20) }
      : null,
    surveyed: c?.surveyed ?? false,
    ownTemplates: r.own_templates,
  };
}

/** The query for the customer of a case and all a message about it needs. */
export function caseRecipientQuery(trx: Tx, storeId: string, caseId: string) {
  return recipientQuery(trx, storeId)
    .innerJoin('cases as c', 'c.order_id', 'o.id')
    .select(['c.id as case_id', 'c.number', 'c.kind', 'c.sla_due_at', 'c.assignee_user_id'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('return_lines as rl')
          .innerJoin('order_lines as ol', (j) =>
            j.onRef('ol.order_id', '=', 'rl.order_id').onRef('ol.line_id', '=', 'rl.line_id'),
          )
          .select(['ol.title', 'ol.variant', 'rl.quantity'])
          .where('rl.store_id', '=', storeId)
          .whereRef('rl.case_id', '=', 'c.id')
          .orderBy('ol.position'),
      ).as('items'),
      jsonObjectFrom(
        eb
          .selectFrom('case_messages as m')
          .select(['m.message_id', 'm.reference_ids'])
          .where('m.store_id', '=', storeId)
          .whereRef('m.case_id', '=', 'c.id')
          .where('m.direction', '=', 'in')
          .where('m.message_id', 'is not', null)
          .orderBy('m.at', 'desc')
          .limit(1),
      ).as('last_inbound'),
      eb
        .exists(
          eb
            .selectFrom('surveys as sv')
            .select('sv.id')
            .where('sv.store_id', '=', storeId)
            .whereRef('sv.case_id', '=', 'c.id'),
        )
        .$castTo<boolean>()
        .as('surveyed'),
    ])
    .where('c.store_id', '=', storeId)
    .where('c.id', '=', caseId);
}
type CaseRecipientRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof caseRecipientQuery>['executeTakeFirst']>>
>;

/** A row of caseRecipientQuery, read as is or as JSON inside another query (dates as text). */
export function caseRecipientOf(
  storeId: string,
  r: Omit<CaseRecipientRow, 'sla_due_at' | 'unsubscribed_at'> & {
    sla_due_at: Date | string | null;
    unsubscribed_at: Date | string | null;
  },
): Recipient {
  const due = r.sla_due_at;
  const unsubscribed = r.unsubscribed_at;
  return recipientOf(
    storeId,
    { ...r, unsubscribed_at: unsubscribed === null ? null : new Date(unsubscribed) },
    { ...r, id: r.case_id, sla_due_at: due === null ? null : new Date(due) },
  );
}

const caseRecipient = reusable(['storeId', 'caseId'], (db, p: { storeId: string; caseId: string }) =>
  caseRecipientQuery(db, p.storeId, p.caseId),
);

/** The customer of a case and all a message about it needs, in one query. */
export async function loadRecipient(
  trx: Tx,
  storeId: string,
  caseId: string,
): Promise<Recipient | undefined> {
  const r = await caseRecipient.executeTakeFirst(trx, { storeId, caseId });
  return r ? caseRecipientOf(storeId, r) : undefined;
}

/** The customer of an order, for news about it that no case is about. */
export async function loadOrderRecipient(
  trx: Tx,
  storeId: string,
  orderId: string,
): Promise<Recipient | undefined> {
  const r = await recipientQuery(trx, storeId).where('o.id', '=', orderId).executeTakeFirst();
  return r ? recipientOf(storeId, r, null) : undefined;
}
