import { type QueryCreator, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { DB, NewRow, Row, Tx } from '../../db/schema.ts';
import { type Alongside, withWrites, writeTogether } from '../../db/with.ts';
import { emitOutbound, OUTBOUND_TOPICS } from '../integrations/webhooks-out.ts';
import { notificationFor } from '../notifications/notify.ts';
import { caseRecipientOf, caseRecipientQuery, type Recipient } from '../notifications/recipient.ts';

export type ReturnRow = Row<'cases'> & Omit<Row<'returns'>, 'store_id' | 'case_id'>;

export async function insertCase(trx: Tx, row: NewRow<'cases'>): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
}

/** The case, its return and the return's lines: writes for one statement (the first event's). */
export function returnInserts(
  caseRow: NewRow<'cases'>,
  row: NewRow<'returns'>,
  lines: NewRow<'return_lines'>[],
): Alongside[] {
  return [
    (db) => db.insertInto('cases').values(caseRow),
    (db) => db.insertInto('returns').values(row),
    (db) => db.insertInto('return_lines').values(lines),
  ];
}

export interface EventInput {
  store_id: string;
  case_id: string;
  type: string;
  from?: string | null;
  to?: string | null;
  actor: string;
  data?: unknown;
}

export async function insertEvent(
  trx: Tx,
  e: EventInput,
  /** the change the event records (a status update, the rows it wrote), in the event's statement */
  alongside?: Alongside | readonly Alongside[],
): Promise<void> {
  await insertEvents(trx, [e], alongside);
}

/**
 * Events of one change, in their order, written in one statement with the rows the change wrote;
 * then what each sends out (webhooks to the store's systems, the customer's message).
 */
export async function insertEvents(
  trx: Tx,
  events: readonly EventInput[],
  alongside?: Alongside | readonly Alongside[],
  /**
   * `notifyFirst`: the case exists before this statement, so what the customer hears is worked out
   * first and its message written in the same statement (one round trip less)
   */
  opts: { notifyFirst?: boolean; recipient?: Recipient | undefined } = {},
): Promise<void> {
  const first = events[0];
  if (!first) return;
  const notices: Alongside[] = [];
  if (opts.notifyFirst)
    for (const e of events) notices.push(...(await notificationFor(trx, e, opts.recipient)));
  const rows = events.map((e) => ({
    store_id: e.store_id,
    case_id: e.case_id,
    type: e.type,
    from_status: e.from ?? null,
    to_status: e.to ?? null,
    actor: e.actor,
    data: JSON.stringify(e.data ?? {}),
  }));
  // the rows the change wrote, beside the events (the CTE's name is never referred to)
  const qc = withWrites(trx, [
    ...(alongside === undefined ? [] : Array.isArray(alongside) ? alongside : [alongside]),
    ...notices,
  ]);
  if (events.some((e) => OUTBOUND_TOPICS[e.type])) {
    // the events the store's own systems subscribe to leave with the change (signed webhooks out):
    // the events written and the endpoints that may want them read in one statement
    const endpoints = await qc
      .with('event', (db) => db.insertInto('case_events').values(rows))
      .selectFrom('webhook_endpoints')
      .select(['id', 'topics'])
      .where('store_id', '=', first.store_id)
      .where('disabled_at', 'is', null)
      .execute();
    for (const e of events) await emitOutbound(trx, e.store_id, e.type, e.case_id, e.data ?? {}, endpoints);
  } else await qc.insertInto('case_events').values(rows).execute();
  // and what the customer should hear of them, in the outbox, with the change
  if (!opts.notifyFirst) for (const e of events) await writeTogether(trx, await notificationFor(trx, e));
}

export function returnQuery(trx: Tx, storeId: string) {
  return trx
    .selectFrom('cases as c')
    .innerJoin('returns as r', 'r.case_id', 'c.id')
    .selectAll('c')
    .select([
      'r.method',
      'r.resolution',
      'r.policy_version',
      'r.decision',
      'r.refund',
      'r.auto_approved',
      'r.refund_due_at',
      'r.reject_reason',
      'r.reject_message',
      'r.result',
      'r.requested_at',
      'r.approved_at',
      'r.received_at',
      'r.inspected_at',
      'r.completed_at',
    ])
    .where('c.store_id', '=', storeId)
    .where('c.kind', '=', 'return');
}

export async function getReturn(trx: Tx, storeId: string, id: string): Promise<ReturnRow | undefined> {
  return returnQuery(trx, storeId).where('c.id', '=', id).executeTakeFirst();
}

/** Reads the return and locks its case row: every step on one return runs one after another. */
export async function lockReturn(trx: Tx, storeId: string, id: string): Promise<ReturnRow | undefined> {
  return returnQuery(trx, storeId).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
}

/** The lock of lockReturnWithLines, with or without the recipient: two texts, each built once. */
const lockWithLines = (recipient: boolean) =>
  reusable(['storeId', 'id'], (db, p: { storeId: string; id: string }) =>
    returnQuery(db, p.storeId)
      .select((eb) => [
        recipient
          ? jsonObjectFrom(caseRecipientQuery(db, p.storeId, p.id)).as('recipient')
          : sql<null>`null`.as('recipient'),
        jsonArrayFrom(returnLinesQuery(db, p.storeId).where(sql<boolean>`rl.case_id = c.id`)).as(
          'return_lines',
        ),
        eb
          .selectFrom('orders as o')
          .select('o.destination_country')
          .where('o.store_id', '=', p.storeId)
          .whereRef('o.id', '=', 'c.order_id')
          .as('destination_country'),
        eb
          .selectFrom('stores as s')
          .select('s.time_zone')
          .where('s.id', '=', p.storeId)
          .as('store_time_zone'),
      ])
      .where('c.id', '=', p.id)
      .forUpdate('c'),
  );
const lockWith = { recipient: lockWithLines(true), plain: lockWithLines(false) };

/**
 * lockReturn() and the return's lines (as getReturnLines gives them, timestamps as ISO text) in one
 * statement, with what the refund clock needs besides the policy (the order's destination, the
 * store's time zone): a step that needs them reads them in one round trip.
 */
export async function lockReturnWithLines(
  trx: Tx,
  storeId: string,
  id: string,
  /** `recipient`: and whom the step's message goes to (notifications), in the same query */
  opts: { recipient?: boolean } = {},
) {
  const row = await (opts.recipient ? lockWith.recipient : lockWith.plain).executeTakeFirst(trx, {
    storeId,
    id,
  });
  if (!row) return undefined;
  const { return_lines, destination_country, store_time_zone, recipient, ...ret } = row;
  return {
    row: ret as ReturnRow,
    lines: return_lines,
    recipient: recipient ? caseRecipientOf(storeId, recipient) : undefined,
    place:
      destination_country && store_time_zone
        ? { destination: destination_country, storeTimeZone: store_time_zone }
        : null,
  };
}

export async function getReturnByRma(trx: Tx, storeId: string, rma: string): Promise<ReturnRow | undefined> {
  return returnQuery(trx, storeId).where('c.number', '=', rma.toUpperCase()).executeTakeFirst();
}

export async function getReturnLines(trx: Tx, storeId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return returnLinesQuery(trx, storeId).where('rl.case_id', 'in', caseIds).execute();
}

/** Returns' lines with what the order says of them, in the order's order; the caller names the cases. */
function returnLinesQuery(qc: QueryCreator<DB>, storeId: string) {
  return qc
    .selectFrom('return_lines as rl')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.order_id', '=', 'rl.order_id').onRef('ol.line_id', '=', 'rl.line_id'),
    )
    .selectAll('rl')
    .select(['ol.sku', 'ol.title', 'ol.variant', 'ol.category', 'ol.position'])
    .where('rl.store_id', '=', storeId)
    .orderBy('ol.position');
}
export type ReturnLineRow = Awaited<ReturnType<typeof getReturnLines>>[number];

export async function getRefundsForCases(trx: Tx, storeId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  // The refunds of one resolve share their created_at: list them in the order of the payments.
  return trx
    .selectFrom('refunds')
    .select(['id', 'case_id', 'amount', 'currency', 'provider', 'provider_reference', 'status', 'created_at'])
    .where('store_id', '=', storeId)
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .orderBy(sql`payment_position NULLS FIRST`)
    .orderBy('id')
    .execute();
}

export async function getLabels(trx: Tx, storeId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx
    .selectFrom('return_labels')
    .select(['case_id', 'carrier', 'tracking_number', 'created_at'])
    .where('store_id', '=', storeId)
    .where('case_id', 'in', caseIds)
    .execute();
}

export async function getLabelPdf(trx: Tx, storeId: string, caseId: string) {
  return trx
    .selectFrom('return_labels')
    .select(['carrier', 'tracking_number', 'label_pdf', 'created_at'])
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function listEvents(trx: Tx, storeId: string, caseId: string) {
  return trx
    .selectFrom('case_events')
    .select(['id', 'type', 'from_status', 'to_status', 'actor', 'data', 'at'])
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export async function setStatus(
  trx: Tx,
  storeId: string,
  caseId: string,
  status: string,
  extra: { sla_due_at?: Date | null; closed?: boolean } = {},
): Promise<void> {
  await statusUpdate(storeId, caseId, status, extra)(trx).execute();
}

/** The status change of a case, as a statement to run alone or beside its event (insertEvent). */
export function statusUpdate(
  storeId: string,
  caseId: string,
  status: string,
  extra: { sla_due_at?: Date | null; closed?: boolean } = {},
) {
  return (db: QueryCreator<DB>) =>
    db
      .updateTable('cases')
      .set({
        status,
        updated_at: sql<Date>`now()`,
        ...(extra.sla_due_at !== undefined ? { sla_due_at: extra.sla_due_at } : {}),
        ...(extra.closed ? { closed_at: sql<Date>`now()` } : {}),
      })
      .where('store_id', '=', storeId)
      .where('id', '=', caseId);
}

type ReturnValues = Partial<Omit<NewRow<'returns'>, 'store_id' | 'case_id'>>;
type ReturnLineValues = Partial<Omit<NewRow<'return_lines'>, 'store_id' | 'case_id' | 'line_id'>>;

/** The update of a return's own row, as a write to send alone or beside another statement. */
export function returnUpdate(storeId: string, caseId: string, values: ReturnValues): Alongside {
  return (db) =>
    db.updateTable('returns').set(values).where('store_id', '=', storeId).where('case_id', '=', caseId);
}

/** The update of one line of a return, as a write to send alone or beside another statement. */
export function returnLineUpdate(
  storeId: string,
  caseId: string,
  lineId: string,
  values: ReturnLineValues,
): Alongside {
  return (db) =>
    db
      .updateTable('return_lines')
      .set(values)
      .where('store_id', '=', storeId)
      .where('case_id', '=', caseId)
      .where('line_id', '=', lineId);
}

export async function updateReturn(
  trx: Tx,
  storeId: string,
  caseId: string,
  values: ReturnValues,
): Promise<void> {
  await returnUpdate(storeId, caseId, values)(trx).execute();
}

export async function updateReturnLine(
  trx: Tx,
  storeId: string,
  caseId: string,
  lineId: string,
  values: ReturnLineValues,
): Promise<void> {
  await returnLineUpdate(storeId, caseId, lineId, values)(trx).execute();
}

export async function insertLabel(trx: Tx, row: NewRow<'return_labels'>): Promise<void> {
  await trx.insertInto('return_labels').values(row).execute();
}

export async function insertMessage(trx: Tx, row: NewRow<'case_messages'>): Promise<void> {
  await trx
    .insertInto('case_messages')
    .values({
      ...row,
      // the order it is about, for the order's whole conversation
      order_id: row.order_id ?? sql<string>`(SELECT order_id FROM cases WHERE id = ${row.case_id})`,
    })
    .execute();
}

/** The parcel's tracking number, on the label if one was issued, else on a label row of its own
 * (a drop-off or the customer's own carrier), so a search by tracking number finds it either way. */
export async function recordTracking(
  trx: Tx,
  storeId: string,
  caseId: string,
  parcel: { carrier: string | null; tracking_number: string },
): Promise<void> {
  await trx
    .insertInto('return_labels')
    .values({
      store_id: storeId,
      case_id: caseId,
      carrier: parcel.carrier ?? 'customer',
      tracking_number: parcel.tracking_number,
      label_pdf: null,
    })
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        tracking_number: parcel.tracking_number,
        ...(parcel.carrier ? { carrier: parcel.carrier } : {}),
      }),
    )
    .execute();
}

/** Number, destination and customer of each order, for lists of returns. */
export async function orderSummaries(trx: Tx, storeId: string, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return trx
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.id', 'o.number', 'o.destination_country', 'c.email', 'c.name'])
    .where('o.store_id', '=', storeId)
    .where('o.id', 'in', orderIds)
    .execute();
}
