import { sql } from 'kysely';
import type { NewRow, Tx } from '../../db/schema.ts';

export async function getIntegration(trx: Tx, storeId: string, provider: string) {
  return trx
    .selectFrom('integrations')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('provider', '=', provider)
    .executeTakeFirst();
}

export async function listIntegrations(trx: Tx, storeId: string) {
  return trx
    .selectFrom('integrations')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('provider')
    .execute();
}

export async function saveIntegration(trx: Tx, row: NewRow<'integrations'>): Promise<void> {
  await trx
    .insertInto('integrations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['store_id', 'provider']).doUpdateSet({
        base_url: row.base_url ?? null,
        shop_domain: row.shop_domain ?? null,
        secrets: row.secrets ?? null,
        secret_names: row.secret_names ?? [],
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** Inserts a verified delivery once; answers its id, or null when the delivery id was seen before. */
export async function insertDelivery(trx: Tx, row: NewRow<'webhook_deliveries'>): Promise<string | null> {
  const saved = await trx
    .insertInto('webhook_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'provider', 'delivery_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return saved?.id ?? null;
}

export async function getDelivery(trx: Tx, storeId: string, id: string) {
  return trx
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDeliveries(
  trx: Tx,
  storeId: string,
  filter: { provider?: string | undefined; failed?: boolean | undefined },
  limit: number,
) {
  let q = trx
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'provider',
      'delivery_id',
      'topic',
      'object_id',
      'received_at',
      'applied_at',
      'outcome',
      'error',
    ])
    .where('store_id', '=', storeId);
  if (filter.provider) q = q.where('provider', '=', filter.provider);
  if (filter.failed) q = q.where('error', 'is not', null);
  return q.orderBy('received_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function recordOutcome(
  trx: Tx,
  storeId: string,
  id: string,
  outcome: { outcome: string | null; error: string | null; applied: boolean },
): Promise<void> {
  await trx
    .updateTable('webhook_deliveries')
    .set({
      outcome: outcome.outcome,
      error: outcome.error,
      applied_at: outcome.applied ? sql<Date>`now()` : null,
    })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

/** The newest version of an object already applied (an older update must not overwrite it). */
export async function newestApplied(trx: Tx, storeId: string, provider: string, objectId: string) {
  const row = await trx
    .selectFrom('webhook_deliveries')
    .select(sql<Date | null>`max(object_updated_at)`.as('at'))
    .where('store_id', '=', storeId)
    .where('provider', '=', provider)
    .where('object_id', '=', objectId)
    .where('applied_at', 'is not', null)
    .executeTakeFirst();
  return row?.at ?? null;
}
