import type { NewRow, Tx } from '../../db/schema.ts';
import type { GuessCounter } from '../../domain/guessing.ts';

/** The counter for `subject`, created if missing, locked until the transaction ends. */
export async function lockGuessCounter(
  trx: Tx,
  subject: string,
  storeId: string | null,
): Promise<GuessCounter | undefined> {
  await trx
    .insertInto('guess_counters')
    .values({ subject, store_id: storeId, attempts: 0 })
    .onConflict((oc) => oc.column('subject').doNothing())
    .execute();
  const row = await trx
    .selectFrom('guess_counters')
    .select(['attempts', 'last_attempt_at', 'locked_until'])
    .where('subject', '=', subject)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.attempts === 0 ? undefined : row;
}

export async function saveGuessCounter(trx: Tx, subject: string, counter: GuessCounter): Promise<void> {
  await trx
    .updateTable('guess_counters')
    .set({
      attempts: counter.attempts,
      last_attempt_at: counter.last_attempt_at,
      locked_until: counter.locked_until,
    })
    .where('subject', '=', subject)
    .execute();
}

export async function clearGuessCounter(trx: Tx, subject: string): Promise<void> {
  await trx.deleteFrom('guess_counters').where('subject', '=', subject).execute();
}

export async function insertSecurityEvent(trx: Tx, row: NewRow<'security_events'>): Promise<void> {
  await trx.insertInto('security_events').values(row).execute();
}

export async function listSecurityEvents(trx: Tx, storeId: string, limit: number) {
  return trx
    .selectFrom('security_events')
    .select(['id', 'type', 'subject', 'data', 'at'])
    .where('store_id', '=', storeId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
