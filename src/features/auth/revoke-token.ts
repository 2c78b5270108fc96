// Revoking an API token: it stops working at once and is kept (revoked_at) so its secret is never
// issued again, not even by AFTERSALE_BOOTSTRAP_TOKEN at the next start. Revoking twice is harmless.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { listTokens, markTokenRevoked, type TokenView } from './tokens.queries.ts';

export async function revokeApiToken(trx: Tx, storeId: string, tokenId: string): Promise<TokenView> {
  await markTokenRevoked(trx, storeId, tokenId);
  const token = (await listTokens(trx, storeId)).find((t) => t.id === tokenId);
  if (!token) throw new AppError('not_found', 'Token not found');
  return token;
}
