// API tokens: random secrets shown once; only their SHA-256 is stored (they are high-entropy, so a
// slow password hash would add latency to every request without adding safety).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import type { Role } from '../../domain/roles.ts';
import { isRole } from '../../domain/roles.ts';
import type { Actor } from './actor.ts';
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

export async function authenticateToken(trx: Tx, token: string): Promise<Actor | undefined> {
  const row = await findTokenByHash(trx, hashToken(token));
  if (!row || !isRole(row.role)) return undefined;
  return { storeId: row.store_id, role: row.role, label: `token:${row.name}` };
}
