import { sql } from 'kysely';
import type { NewRow, Row, Tx } from '../../db/schema.ts';

export async function caseExists(trx: Tx, storeId: string, caseId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('cases')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listMessages(trx: Tx, storeId: string, caseId: string) {
  return trx
    .selectFrom('case_messages')
    .select([
      'id',
      'direction',
      'channel',
      'status',
      'send_after',
      'subject',
      'body',
      'at',
      'author',
      'template',
      'language',
      'intent',
      'to_address',
      'from_address',
      'message_id',
      'in_reply_to',
      'action',
      'attachments',
      'attempts',
      'sent_at',
      'last_error',
      'read_at',
    ])
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertEvidence(trx: Tx, row: NewRow<'case_evidence'>): Promise<void> {
  await trx.insertInto('case_evidence').values(row).execute();
}

export async function listEvidence(trx: Tx, storeId: string, caseId: string) {
  return trx
    .selectFrom('case_evidence')
    .select(['id', 'line_id', 'filename', 'content_type', 'size', 'sha256', 'created_at'])
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function getEvidence(trx: Tx, storeId: string, caseId: string, id: string) {
  return trx
    .selectFrom('case_evidence')
    .select(['filename', 'content_type', 'size', 'data', 'storage_key'])
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Reads a case's assignee and locks the row: two assignments of one case run one after another. */
export async function lockCaseAssignee(trx: Tx, storeId: string, caseId: string) {
  return trx
    .selectFrom('cases')
    .select(['id', 'assignee_user_id'])
    .where('store_id', '=', storeId)
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setAssignee(
  trx: Tx,
  storeId: string,
  caseId: string,
  userId: string | null,
): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ assignee_user_id: userId, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', caseId)
    .execute();
}

/**
 * Bytes of evidence the case holds, and its customer across all their cases. With `lock`, the
 * customer's row is locked first, so concurrent uploads for one customer are counted one by one.
 */
export async function evidenceBytesUsed(
  trx: Tx,
  storeId: string,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<{ case: number; customer: number }> {
  const owner = await trx
    .selectFrom('cases')
    .select('customer_id')
    .where('store_id', '=', storeId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!owner) return { case: 0, customer: 0 };
  if (options.lock)
    await trx
      .selectFrom('customers')
      .select('id')
      .where('store_id', '=', storeId)
      .where('id', '=', owner.customer_id)
      .forUpdate()
      .execute();
  const row = await trx
    .selectFrom('case_evidence as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select([
      sql<number>`coalesce(sum(e.size) filter (where e.case_id = ${caseId}), 0)`.as('case_bytes'),
      sql<number>`coalesce(sum(e.size), 0)`.as('customer_bytes'),
    ])
    .where('e.store_id', '=', storeId)
    .where('c.customer_id', '=', owner.customer_id)
    .executeTakeFirstOrThrow();
  return { case: Number(row.case_bytes), customer: Number(row.customer_bytes) };
}

// ---- cases other than returns ----

export type CaseRow = Row<'cases'>;

export async function getCase(trx: Tx, storeId: string, id: string): Promise<CaseRow | undefined> {
  return trx
    .selectFrom('cases')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('kind', '<>', 'return')
    .executeTakeFirst();
}

/** Reads a case and locks its row: every step on one case runs one after another. */
export async function lockCase(trx: Tx, storeId: string, id: string): Promise<CaseRow | undefined> {
  return trx
    .selectFrom('cases')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('kind', '<>', 'return')
    .forUpdate()
    .executeTakeFirst();
}

export async function findCaseByDedupeKey(trx: Tx, storeId: string, key: string) {
  return trx
    .selectFrom('cases')
    .select(['id', 'number', 'status'])
    .where('store_id', '=', storeId)
    .where('dedupe_key', '=', key)
    .executeTakeFirst();
}

export async function findDisputeByProviderId(trx: Tx, storeId: string, provider: string, disputeId: string) {
  return trx
    .selectFrom('cases')
    .select(['id', 'number'])
    .where('store_id', '=', storeId)
    .where('kind', '=', 'dispute')
    .where(sql<string>`data->>'provider'`, '=', provider)
    .where(sql<string>`data->>'provider_dispute_id'`, '=', disputeId)
    .executeTakeFirst();
}

export async function insertCaseLines(trx: Tx, rows: NewRow<'case_lines'>[]): Promise<void> {
  if (rows.length) await trx.insertInto('case_lines').values(rows).execute();
}

export async function getCaseLines(trx: Tx, storeId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx
    .selectFrom('case_lines as cl')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.order_id', '=', 'cl.order_id').onRef('ol.line_id', '=', 'cl.line_id'),
    )
    .select(['cl.case_id', 'cl.line_id', 'cl.quantity', 'ol.sku', 'ol.title', 'ol.variant', 'ol.position'])
    .where('cl.store_id', '=', storeId)
    .where('cl.case_id', 'in', caseIds)
    .orderBy('ol.position')
    .execute();
}

export async function updateCase(
  trx: Tx,
  storeId: string,
  id: string,
  set: {
    status?: string;
    data?: unknown;
    resolution?: unknown;
    offer?: unknown | null;
    replacement_order_id?: string;
    sla_due_at?: Date | string | null;
    closed?: boolean;
  },
): Promise<void> {
  await trx
    .updateTable('cases')
    .set({
      updated_at: sql<Date>`now()`,
      ...(set.status !== undefined ? { status: set.status } : {}),
      ...(set.data !== undefined ? { data: JSON.stringify(set.data) } : {}),
      ...(set.resolution !== undefined ? { resolution: JSON.stringify(set.resolution) } : {}),
      ...(set.offer !== undefined ? { offer: set.offer === null ? null : JSON.stringify(set.offer) } : {}),
      ...(set.replacement_order_id !== undefined ? { replacement_order_id: set.replacement_order_id } : {}),
      ...(set.sla_due_at !== undefined ? { sla_due_at: set.sla_due_at } : {}),
      ...(set.closed ? { closed_at: sql<Date>`now()` } : {}),
    })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

/**
 * Units of each line of an order already settled by after-sales work: in returns that were not
 * refused, cancelled before shipment, or paid back as lost. A new case's units come after them.
 */
export async function settledQuantities(
  trx: Tx,
  storeId: string,
  orderId: string,
  returned: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const [cancelled, out] = await Promise.all([
    trx
      .selectFrom('order_lines')
      .select(['line_id', 'cancelled_quantity'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .where('cancelled_quantity', '>', 0)
      .execute(),
    unitsRefundedByCases(trx, storeId, orderId, returned),
  ]);
  for (const c of cancelled) out.set(c.line_id, (out.get(c.line_id) ?? 0) + c.cancelled_quantity);
  return out;
}

export async function addCancelled(
  trx: Tx,
  storeId: string,
  orderId: string,
  lines: readonly { line_id: string; quantity: number }[],
): Promise<void> {
  for (const l of lines)
    await trx
      .updateTable('order_lines')
      .set((eb) => ({ cancelled_quantity: eb('cancelled_quantity', '+', l.quantity) }))
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .where('line_id', '=', l.line_id)
      .execute();
}

export async function setShippingAddress(trx: Tx, storeId: string, orderId: string, address: unknown) {
  await trx
    .updateTable('orders')
    .set({ shipping_address: JSON.stringify(address), updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', orderId)
    .execute();
}

export interface CaseFilter {
  kind?: string | undefined;
  status?: string | undefined;
  order_id?: string | undefined;
  open?: boolean | undefined;
  /** a user id, or null for unassigned */
  assignee?: string | null | undefined;
}

const FINAL = ['resolved', 'closed', 'won', 'lost', 'completed', 'rejected', 'canceled'];

/** Cases for the queues: returns only when asked for by kind; `due` sorts disputes by evidence date. */
export async function searchCases(
  trx: Tx,
  storeId: string,
  filter: CaseFilter,
  page: { limit: number; offset: number; sort: 'sla' | 'due' | 'newest' },
) {
  let q = trx
    .selectFrom('cases as c')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select([
      'c.id',
      'c.number',
      'c.kind',
      'c.status',
      'c.order_id',
      'o.number as order_number',
      'o.destination_country',
      'cu.name as customer_name',
      'cu.email as customer_email',
      'c.sla_due_at',
      'c.created_at',
      'c.updated_at',
      'c.assignee_user_id',
      'c.data',
    ])
    .where('c.store_id', '=', storeId);
  q = filter.kind ? q.where('c.kind', '=', filter.kind) : q.where('c.kind', '<>', 'return');
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.order_id) q = q.where('c.order_id', '=', filter.order_id);
  if (filter.open === true) q = q.where('c.status', 'not in', FINAL);
  if (filter.open === false) q = q.where('c.status', 'in', FINAL);
  if (filter.assignee === null) q = q.where('c.assignee_user_id', 'is', null);
  else if (filter.assignee) q = q.where('c.assignee_user_id', '=', filter.assignee);
  if (page.sort === 'due')
    q = q
      .orderBy(sql`(c.data->>'evidence_due_by')::timestamptz`, sql`asc nulls last`)
      .orderBy('c.created_at');
  else if (page.sort === 'sla') q = q.orderBy(sql`c.sla_due_at`, sql`asc nulls last`).orderBy('c.created_at');
  else q = q.orderBy('c.created_at', 'desc');
  return q.orderBy('c.id').limit(page.limit).offset(page.offset).execute();
}

/** Open and overdue cases per kind, for the console's navigation. */
export async function caseCounts(trx: Tx, storeId: string, now = new Date()) {
  const rows = await trx
    .selectFrom('cases')
    .select([
      'kind',
      sql<number>`count(*)`.as('open'),
      sql<number>`count(*) filter (where sla_due_at < ${now})`.as('overdue'),
    ])
    .where('store_id', '=', storeId)
    .where('kind', '<>', 'return')
    .where('status', 'not in', FINAL)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, { open: Number(r.open), overdue: Number(r.overdue) }]));
}

/** `returned` plus the units of each line paid back by a case (a lost parcel), never cancellations. */
export async function unitsRefundedByCases(
  trx: Tx,
  storeId: string,
  orderId: string,
  returned: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  return addUnits(returned, await unitsRefundedByCasesQuery(trx, storeId, orderId).execute());
}

/** Units of each line that cases paid back (lost parcels ...), as a query to compose. */
export function unitsRefundedByCasesQuery(trx: Tx, storeId: string, orderId: string) {
  return trx
    .selectFrom('case_lines as cl')
    .innerJoin('cases as c', 'c.id', 'cl.case_id')
    .select(['cl.line_id', sql<number>`sum(cl.quantity)`.as('quantity')])
    .where('cl.store_id', '=', storeId)
    .where('cl.order_id', '=', orderId)
    .where(sql<boolean>`(c.resolution->>'units_refunded')::boolean IS TRUE`)
    .groupBy('cl.line_id');
}

/** `returned` plus the units of `rows`, by line. */
export function addUnits(
  returned: ReadonlyMap<string, number>,
  rows: { line_id: string; quantity: number }[],
): Map<string, number> {
  const out = new Map(returned);
  for (const r of rows) out.set(r.line_id, (out.get(r.line_id) ?? 0) + Number(r.quantity));
  return out;
}
