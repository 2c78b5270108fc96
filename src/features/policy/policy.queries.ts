import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { readStoredPolicy } from '../../domain/policy/stored-policy.ts';

/** Stored documents go through the schema again, so a version saved before a field existed reads
 * with that field's default; a part that no longer parses is left out (`skipped`), never a crash. */
const read = <R extends { document: unknown }>(row: R) => {
  const { policy, skipped } = readStoredPolicy(row.document);
  return { ...row, document: policy, skipped };
};

export interface PolicyVersion {
  version: number;
  document: Policy;
  created_by: string;
  created_at: Date;
  /** what of the stored document no longer parses and was left out (see readStoredPolicy) */
  skipped: string[];
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
  const row = await trx
    .selectFrom('policies')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && read(row);
}
