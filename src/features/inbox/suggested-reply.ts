// What the agent is offered as an answer to the customer's last message: the reply its intent
// calls for, filled with the order's own facts (where the parcel is, what was refunded), in the
// customer's language. The agent edits it and sends it with POST /cases/{id}/reply.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { formatDate, formatMoney, normalizeLanguage } from '../../i18n/index.ts';
import { loadRecipient } from '../notifications/recipient.ts';
import { fill, phrase } from '../notifications/templates.ts';

export async function suggestedReply(db: Kysely<DB>, storeId: string, caseId: string) {
  const r = await loadRecipient(db, storeId, caseId);
  if (!r) throw new AppError('not_found', 'Case not found');
  const last = await db
    .selectFrom('case_messages')
    .select(['intent', 'language'])
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .where('direction', '=', 'in')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  // a case a low review opened: the reply drafted with it, offer included
  const draft = await db
    .selectFrom('cases')
    .select(sql<string | null>`data->>'draft_reply'`.as('draft'))
    .where('store_id', '=', storeId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (draft?.draft) return { case_id: caseId, intent: 'complaint', language: r.language, body: draft.draft };
  const intent = last?.intent ?? 'other';
  // the language the customer wrote in, else the one we know them by
  const language = normalizeLanguage(last?.language ?? r.language);
  const values: Record<string, string> = { order_number: r.orderNumber };
  let key = intent;
  if (intent === 'where_is_my_order') {
    const f = await db
      .selectFrom('fulfillments')
      .select(['carrier', 'tracking_number', 'shipped_at'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', r.orderId)
      .where('shipped_at', 'is not', null)
      .orderBy('shipped_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    key = f?.shipped_at ? 'where_is_my_order_shipped' : 'where_is_my_order_unshipped';
    if (f?.shipped_at) {
      values.shipped_on = formatDate(language, f.shipped_at.toISOString().slice(0, 10));
      values.carrier = f.carrier ?? '';
      values.tracking_number = f.tracking_number ?? '';
    }
  } else if (intent === 'refund_status') {
    const refund = await db
      .selectFrom('refunds')
      .select(['amount', 'currency', 'created_at'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', r.orderId)
      .where('status', 'in', ['succeeded', 'pending'])
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    key = refund ? 'refund_status_refunded' : 'refund_status_none';
    if (refund) {
      values.amount = formatMoney(language, refund.amount, refund.currency);
      values.refunded_on = formatDate(language, refund.created_at.toISOString().slice(0, 10));
    }
  }
  return {
    case_id: caseId,
    intent,
    language,
    body: fill(phrase(language, `suggested.${key}`), values),
  };
}
