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
    .select(['filename', 'content_type', 'data'])
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
