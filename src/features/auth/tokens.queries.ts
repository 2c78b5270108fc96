import type { Tx } from '../../db/schema.ts';

export async function insertToken(
  trx: Tx,
  row: { store_id: string; id: string; name: string; role: string; token_hash: string },
): Promise<void> {
  await trx.insertInto('api_tokens').values(row).execute();
}

export async function findTokenByHash(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('api_tokens')
    .select(['store_id', 'id', 'name', 'role'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The token with this hash, revoked or not: a revoked secret is never issued again. */
export async function findTokenStateByHash(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('api_tokens')
    .select(['store_id', 'id', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}
