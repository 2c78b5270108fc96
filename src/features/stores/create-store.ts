// A new store starts with the default policy as version 1 and, optionally, an owner token.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import type { Address } from '../../domain/order.ts';
import { defaultPolicy } from '../../domain/policy/policy.schema.ts';
import { createApiToken } from '../auth/tokens.ts';
import { insertPolicyVersion } from '../policy/policy.queries.ts';
import { insertStore, type Store } from './stores.queries.ts';

export interface NewStore {
  slug: string;
  name: string;
  currency: string;
  time_zone: string;
  languages: string[];
  return_address: Address;
}

export async function createStore(
  trx: Tx,
  input: NewStore,
  options: { ownerToken?: string } = {},
): Promise<{ store: Store; token?: string }> {
  const store: Store = { id: randomUUID(), ...input };
  await insertStore(trx, store, randomBytes(32).toString('hex'));
  await insertPolicyVersion(trx, store.id, { ...defaultPolicy, currency: store.currency }, 'system');
  if (!options.ownerToken) return { store };
  const { token } = await createApiToken(trx, {
    storeId: store.id,
    role: 'owner',
    name: 'bootstrap',
    token: options.ownerToken,
  });
  return { store, token };
}
