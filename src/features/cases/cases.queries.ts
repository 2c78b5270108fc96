import { sql } from 'kysely';
import type { NewRow, Tx } from '../../db/schema.ts';

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
    .select(['id', 'direction', 'channel', 'author', 'body', 'at'])
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
