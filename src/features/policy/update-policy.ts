// A store's return policy is a versioned document: saving never edits, it adds a version, so every
// return keeps pointing at the exact rules that decided it.

import type { Tx } from '../../db/schema.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { getStore } from '../stores/stores.queries.ts';
import { insertPolicyVersion, type PolicyVersion } from './policy.queries.ts';

/** `base`: the version the edit started from; a save on top of a newer one is refused (409).
 *  A document that names no currency is saved in the store's, so every version says its own. */
export async function updatePolicy(
  trx: Tx,
  actor: Actor,
  document: Policy,
  base?: number,
): Promise<PolicyVersion> {
  const currency = document.currency ?? (await getStore(trx, actor.storeId))?.currency;
  return insertPolicyVersion(trx, actor.storeId, { ...document, currency }, actor.label, base);
}
