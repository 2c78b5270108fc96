import type { NewRow, Tx } from '../../db/schema.ts';

/** Orders with this number whose customer email or shipping postal code matches, newest first. */
export async function findPortalOrder(
  trx: Tx,
  storeId: string,
  number: string,
  proof: { email?: string | undefined; postal_code?: string | undefined },
) {
  const rows = await trx
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.id', 'c.email', 'o.shipping_address'])
    .where('o.store_id', '=', storeId)
    .where('o.number', '=', number.trim())
    .orderBy('o.placed_at', 'desc')
    .execute();
  const squash = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();
  return rows.find((r) => {
    if (proof.email && r.email === proof.email.trim().toLowerCase()) return true;
    const postal = (r.shipping_address as { postal_code?: string | null }).postal_code;
    return Boolean(proof.postal_code && postal && squash(postal) === squash(proof.postal_code));
  });
}

export async function insertWithdrawal(trx: Tx, row: NewRow<'withdrawals'>): Promise<void> {
  await trx.insertInto('withdrawals').values(row).execute();
}

export async function caseBelongsToOrder(
  trx: Tx,
  storeId: string,
  caseId: string,
  orderId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('cases')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', caseId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row !== undefined;
}

/** When each succeeded refund of these returns was paid: a succeeded refund is never written again,
 * so its last change is the moment the money left. */
export async function refundsPaidAt(trx: Tx, storeId: string, caseIds: string[]): Promise<Map<string, Date>> {
  if (caseIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('refunds')
    .select(['id', 'updated_at'])
    .where('store_id', '=', storeId)
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'succeeded')
    .execute();
  return new Map(rows.map((r) => [r.id, r.updated_at]));
}

/** The order's portal generation (undefined: no such order), which every valid link must carry. */
export async function portalGeneration(
  trx: Tx,
  storeId: string,
  orderId: string,
): Promise<number | undefined> {
  const row = await trx
    .selectFrom('orders')
    .select('portal_generation')
    .where('store_id', '=', storeId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  return row?.portal_generation;
}

/** Moves the order's portal generation on, so every link signed before stops working. */
export async function nextPortalGeneration(
  trx: Tx,
  storeId: string,
  orderId: string,
): Promise<number | undefined> {
  const row = await trx
    .updateTable('orders')
    .set((eb) => ({ portal_generation: eb('portal_generation', '+', 1) }))
    .where('store_id', '=', storeId)
    .where('id', '=', orderId)
    .returning('portal_generation')
    .executeTakeFirst();
  return row?.portal_generation;
}
