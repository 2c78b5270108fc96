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

export interface TokenView {
  id: string;
  name: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}

/** The store's API tokens, newest first: never their secrets or hashes. */
export async function listTokens(trx: Tx, storeId: string): Promise<TokenView[]> {
  const rows = await trx
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_at', 'revoked_at'])
    .where('store_id', '=', storeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    created_at: r.created_at.toISOString(),
    revoked_at: r.revoked_at ? r.revoked_at.toISOString() : null,
  }));
}

export async function markTokenRevoked(trx: Tx, storeId: string, tokenId: string): Promise<void> {
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('store_id', '=', storeId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .execute();
}
