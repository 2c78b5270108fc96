import { sql } from 'kysely';
import type { NewRow, Tx } from '../../db/schema.ts';

export async function insertUser(trx: Tx, row: NewRow<'users'>): Promise<void> {
  await trx.insertInto('users').values(row).execute();
}

export async function findUsersByEmail(trx: Tx, email: string, storeSlug?: string) {
  let q = trx
    .selectFrom('users as u')
    .innerJoin('stores as s', 's.id', 'u.store_id')
    .select([
      'u.id',
      'u.store_id',
      'u.email',
      'u.name',
      'u.role',
      'u.password_hash',
      's.name as store_name',
      's.slug as store_slug',
      's.currency as store_currency',
    ])
    .where('u.email', '=', email.trim().toLowerCase())
    .where('u.deactivated_at', 'is', null);
  if (storeSlug) q = q.where('s.slug', '=', storeSlug);
  return q.execute();
}

export async function insertSession(trx: Tx, row: NewRow<'sessions'>): Promise<void> {
  await trx.insertInto('sessions').values(row).execute();
}

export async function findSession(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('sessions as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .innerJoin('stores as s', 's.id', 'x.store_id')
    .select([
      'x.store_id',
      'x.csrf_token',
      'x.expires_at',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.role',
      's.name as store_name',
      's.slug as store_slug',
      's.currency as store_currency',
    ])
    .where('x.token_hash', '=', tokenHash)
    .where('x.expires_at', '>', new Date())
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(trx: Tx, tokenHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** The store's staff, for the assignee picker: never the password hashes. */
export async function listStaff(trx: Tx, storeId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('store_id', '=', storeId)
    .where('deactivated_at', 'is', null)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

/** Names and emails of the given staff, e.g. the assignees of a page of returns. */
export async function staffByIds(trx: Tx, storeId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('store_id', '=', storeId)
    .where('id', 'in', ids)
    .execute();
}

/** Which of these emails have a staff account, in any store. */
export async function existingEmails(trx: Tx, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await trx
    .selectFrom('users')
    .select('email')
    .distinct()
    .where(
      'email',
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .where('deactivated_at', 'is', null)
    .execute();
  return rows.map((r) => r.email);
}

/** A user of the store who has not been deactivated, by id or by email. */
export async function activeUser(trx: Tx, storeId: string, by: { id: string } | { email: string }) {
  let q = trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'password_hash'])
    .where('store_id', '=', storeId)
    .where('deactivated_at', 'is', null);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('email', '=', by.email.trim().toLowerCase());
  return q.executeTakeFirst();
}

export async function markUserDeactivated(trx: Tx, storeId: string, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ deactivated_at: new Date() })
    .where('store_id', '=', storeId)
    .where('id', '=', userId)
    .execute();
}

export async function setPasswordHash(trx: Tx, storeId: string, userId: string, hash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: hash })
    .where('store_id', '=', storeId)
    .where('id', '=', userId)
    .execute();
}

/** Ends the user's sessions, all or all but one. */
export async function deleteSessionsOfUser(trx: Tx, userId: string, keepTokenHash?: string): Promise<void> {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
  await q.execute();
}
