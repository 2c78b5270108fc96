// A store's return policy is a versioned document: saving never edits, it adds a version, so every
// return keeps pointing at the exact rules that decided it.

import type { Tx } from '../../db/schema.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { insertPolicyVersion } from './policy.queries.ts';

export async function updatePolicy(trx: Tx, actor: Actor, document: Policy): Promise<{ version: number }> {
  const version = await insertPolicyVersion(trx, actor.storeId, document, actor.label);
  return { version };
}
