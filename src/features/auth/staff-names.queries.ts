import type { Tx } from '../../db/schema.ts';

/** Names of the staff with these emails (sign-ins act as `user:<email>`). */
export async function staffByEmails(trx: Tx, storeId: string, emails: string[]) {
  if (emails.length === 0) return [];
  return trx
    .selectFrom('users')
    .select(['email', 'name', 'role'])
    .where('store_id', '=', storeId)
    .where('email', 'in', emails)
    .execute();
}
