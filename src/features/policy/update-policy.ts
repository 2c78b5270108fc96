// A store's return policy is a versioned document: saving never edits, it adds a version, so every
// return keeps pointing at the exact rules that decided it.

import type { Tx } from '../../db/schema.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { insertPolicyVersion, type PolicyVersion } from './policy.queries.ts';

/** `base`: the version the edit started from; a save on top of a newer one is refused (409). */
export function updatePolicy(trx: Tx, actor: Actor, document: Policy, base?: number): Promise<PolicyVersion> {
  return insertPolicyVersion(trx, actor.storeId, document, actor.label, base);
}
