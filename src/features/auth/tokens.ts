// API tokens: random secrets shown once; only their SHA-256 is stored (they are high-entropy, so a
// slow password hash would add latency to every request without adding safety).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import type { Role } from '../../domain/roles.ts';
import { isRole } from '../../domain/roles.ts';
import type { Actor } from './actor.ts';
import type { TokenCache } from './token-cache.ts';
import { findTokenByHash, insertToken } from './tokens.queries.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function generateToken(): string {
  return `as_${randomBytes(24).toString('base64url')}`;
}

export async function createApiToken(
  trx: Tx,
  input: { storeId: string; role: Role; name: string; token?: string },
): Promise<{ id: string; token: string }> {
  const token = input.token ?? generateToken();
  const id = randomUUID();
  await insertToken(trx, {
    store_id: input.storeId,
    id,
    name: input.name,
    role: input.role,
    token_hash: hashToken(token),
  });
  return { id, token };
}

export async function authenticateToken(
  trx: Tx,
  token: string,
  cache?: TokenCache,
): Promise<Actor | undefined> {
  const hash = hashToken(token);
  const known = cache?.get(hash);
  if (known) return known;
  const row = await findTokenByHash(trx, hash);
  if (!row || !isRole(row.role)) return undefined;
  const actor: Actor = { storeId: row.store_id, role: row.role, label: `token:${row.name}` };
  cache?.set(hash, actor);
  return actor;
}
