import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { readStoredPolicy } from '../../domain/policy/stored-policy.ts';

/** Stored documents go through the schema again, so a version saved before a field existed reads
 * with that field's default; a part that no longer parses is left out (`skipped`), never a crash. */
const read = <R extends { store_id: string; version: number; document: unknown }>(row: R) => {
  const key = `${row.store_id}:${row.version}`;
  let known = parsed.get(key);
  if (!known) {
    known = readStoredPolicy(row.document);
    remember(key, known);
  }
  return { ...row, document: known.policy, skipped: known.skipped };
};

// A version, once saved, never changes: its parsed document is kept per process (no invalidation
// needed), so a step on a return needs no query for the policy it was decided under, and no parse.
const parsed = new Map<string, ReturnType<typeof readStoredPolicy>>();
const versions = new Map<string, PolicyVersion>();
const MAX_KEPT = 5_000;
function remember<V>(key: string, value: V, into: Map<string, V> = parsed as unknown as Map<string, V>) {
  if (into.size >= MAX_KEPT) into.clear();
  into.set(key, value);
}

export interface PolicyVersion {
  version: number;
  document: Policy;
  created_by: string;
  created_at: Date;
  /** what of the stored document no longer parses and was left out (see readStoredPolicy) */
  skipped: string[];
}

/** A policy row read elsewhere (as JSON inside another query): parsed like any other, once per version. */
export function readPolicyRow(
  storeId: string,
  row: { version: number; document: unknown; created_by: string; created_at: string | Date },
): PolicyVersion {
  const { store_id: _, ...read_ } = read({ ...row, store_id: storeId, created_at: new Date(row.created_at) });
  // the later steps of a return decided under this version find it here (policyByVersion)
  const key = `${storeId}:${row.version}`;
  if (!versions.has(key)) remember(key, read_, versions);
  return read_;
}

export async function currentPolicy(trx: Tx, storeId: string): Promise<PolicyVersion | undefined> {
  const row = await trx
    .selectFrom('policies')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && read(row);
}

export async function policyVersions(trx: Tx, storeId: string): Promise<PolicyVersion[]> {
  const rows = await trx
    .selectFrom('policies')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(read);
}

/**
 * Takes the next version number under a lock on the store row, so two saves cannot collide. With
 * `base`, a save whose author edited an older version than the current one is refused.
 */
export async function insertPolicyVersion(
  trx: Tx,
  storeId: string,
  document: Policy,
  createdBy: string,
  base?: number,
): Promise<PolicyVersion> {
  await trx.selectFrom('stores').select('id').where('id', '=', storeId).forUpdate().execute();
  const last = await trx
    .selectFrom('policies')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  const current = Number(last?.v ?? 0);
  if (base !== undefined && base !== current)
    throw new AppError(
      'conflict',
      `This edit starts from version ${base}, but version ${current} was saved since`,
      {
        base,
        current,
      },
    );
  const row = await trx
    .insertInto('policies')
    .values({
      store_id: storeId,
      version: current + 1,
      document: JSON.stringify(document),
      created_by: createdBy,
    })
    .returning(['version', 'created_by', 'created_at'])
    .executeTakeFirstOrThrow();
  return { ...row, document, skipped: [] };
}

export async function policyByVersion(
  trx: Tx,
  storeId: string,
  version: number,
): Promise<PolicyVersion | undefined> {
  const key = `${storeId}:${version}`;
  const known = versions.get(key);
  if (known) return known;
  const row = await trx
    .selectFrom('policies')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const { store_id: _, ...found } = read(row);
  remember(key, found, versions);
  return found;
}
