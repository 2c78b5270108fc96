import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { NewRow, Row, Tx } from '../../db/schema.ts';
import type { Alongside } from '../../db/with.ts';
import { leaseFree, MAX_ATTEMPTS } from '../../jobs/queue.ts';

export async function insertRefund(trx: Tx, row: NewRow<'refunds'>): Promise<void> {
  await trx.insertInto('refunds').values(row).execute();
}

/** What an order has refunded grows by `amount`: a write to send alone or beside the refund's. */
export function refundedGrows(storeId: string, orderId: string, amount: number): Alongside {
  return (db) =>
    db
      .updateTable('orders')
      .set({ refunded_amount: sql`refunded_amount + ${amount}`, updated_at: new Date() })
      .where('store_id', '=', storeId)
      .where('id', '=', orderId);
}

export async function addRefunded(trx: Tx, storeId: string, orderId: string, amount: number): Promise<void> {
  await refundedGrows(storeId, orderId, amount)(trx).execute();
}

export async function lockRefund(trx: Tx, storeId: string, id: string) {
  return trx
    .selectFrom('refunds')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setRefundOutcome(
  trx: Tx,
  storeId: string,
  id: string,
  values: { status: string; provider_reference?: string | null },
): Promise<void> {
  await trx
    .updateTable('refunds')
    .set({ ...values, updated_at: new Date() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function findRefund(trx: Tx, storeId: string, id: string) {
  return trx
    .selectFrom('refunds')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The reference of the payment a refund goes back to. */
export async function paymentReference(
  trx: Tx,
  storeId: string,
  refund: Pick<Row<'refunds'>, 'order_id' | 'payment_position' | 'provider'>,
) {
  let q = trx
    .selectFrom('payments')
    .select('reference')
    .where('store_id', '=', storeId)
    .where('order_id', '=', refund.order_id);
  // A refund from before refunds named their payment went to the first one of its provider.
  q =
    refund.payment_position === null
      ? q.where('provider', '=', refund.provider)
      : q.where('position', '=', refund.payment_position);
  const row = await q.orderBy('position').limit(1).executeTakeFirst();
  return row?.reference ?? null;
}

export async function orderPayments(trx: Tx, storeId: string, orderId: string) {
  return orderPaymentsQuery(trx, storeId, orderId).execute();
}

function orderPaymentsQuery(trx: Tx, storeId: string, orderId: string) {
  return trx
    .selectFrom('payments')
    .select(['position', 'provider', 'reference', 'amount'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('position');
}

/** What went back to each payment of the order (null: a refund from before refunds named one). */
export async function refundedPerPayment(trx: Tx, storeId: string, orderId: string) {
  const rows = await refundedPerPaymentQuery(trx, storeId, orderId).execute();
  return rows.map((r) => ({ position: r.position, amount: Number(r.amount) }));
}

function refundedPerPaymentQuery(trx: Tx, storeId: string, orderId: string) {
  return (
    trx
      .selectFrom('refunds')
      .select(['payment_position as position', (eb) => eb.fn.sum<number>('amount').as('amount')])
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      // A refused refund gave its amount back (see execute-refund); a retry takes it again.
      .where('status', '!=', 'failed')
      .groupBy('payment_position')
  );
}

/**
 * The order locked for a refund, with all a refund needs in the same statement: its payments, what
 * went back to each, and the refunds already made under the key (the bare key, or the key of one of
 * its payments: `<key>:payment:<position>`), in payment order.
 */
const orderForRefund = reusable(
  ['storeId', 'orderId', 'key'],
  (db, p: { storeId: string; orderId: string; key: string }) =>
    db
      .selectFrom('orders as o')
      .select(['o.id', 'o.paid_amount', 'o.refunded_amount', 'o.currency'])
      .select((eb) => [
        jsonArrayFrom(orderPaymentsQuery(db, p.storeId, p.orderId)).as('payments'),
        jsonArrayFrom(refundedPerPaymentQuery(db, p.storeId, p.orderId)).as('refunded'),
        jsonArrayFrom(
          eb
            .selectFrom('refunds as f')
            .select(['f.id', 'f.payment_position'])
            .where('f.store_id', '=', p.storeId)
            .where((w) =>
              w.or([
                w('f.idempotency_key', '=', p.key),
                w(
                  'f.idempotency_key',
                  'in',
                  w
                    .selectFrom('payments as pm')
                    .select(sql<string>`${p.key} || ':payment:' || pm.position`.as('k'))
                    .where('pm.store_id', '=', p.storeId)
                    .where('pm.order_id', '=', p.orderId),
                ),
              ]),
            )
            .orderBy('f.payment_position'),
        ).as('existing'),
      ])
      .where('o.store_id', '=', p.storeId)
      .where('o.id', '=', p.orderId)
      .forUpdate('o'),
);

export async function lockOrderForRefund(trx: Tx, storeId: string, orderId: string, key: string) {
  const row = await orderForRefund.executeTakeFirst(trx, { storeId, orderId, key });
  if (!row) return undefined;
  return {
    ...row,
    refunded: row.refunded.map((r) => ({ position: r.position, amount: Number(r.amount) })),
  };
}

const REFUND_COLUMNS = [
  'id',
  'order_id',
  'case_id',
  'amount',
  'currency',
  'provider',
  'provider_reference',
  'status',
  'created_at',
  'updated_at',
] as const;

export async function getRefund(trx: Tx, storeId: string, id: string) {
  return trx
    .selectFrom('refunds')
    .select(REFUND_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listRefunds(
  trx: Tx,
  storeId: string,
  filter: { status?: string; order_id?: string },
  limit: number,
) {
  let q = trx.selectFrom('refunds').select(REFUND_COLUMNS).where('store_id', '=', storeId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.order_id) q = q.where('order_id', '=', filter.order_id);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertStoreCredit(trx: Tx, row: NewRow<'store_credit_entries'>): Promise<void> {
  await trx.insertInto('store_credit_entries').values(row).execute();
}

export async function storeCreditBalance(trx: Tx, storeId: string, customerId: string) {
  return trx
    .selectFrom('store_credit_entries')
    .select(['currency', (eb) => eb.fn.sum<number>('amount').as('balance')])
    .where('store_id', '=', storeId)
    .where('customer_id', '=', customerId)
    .groupBy('currency')
    .execute();
}

export async function customerExists(trx: Tx, storeId: string, customerId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('customers')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a refund's job that ran out of attempts a fresh start; false when none had. */
export async function reviveRefundJob(trx: Tx, storeId: string, refundId: string): Promise<boolean> {
  const revived = await trx
    .updateTable('jobs')
    .set({ attempts: 0, run_at: new Date(), last_error: null, locked_until: null })
    .where('store_id', '=', storeId)
    .where('kind', '=', 'refunds.execute')
    .where('done_at', 'is', null)
    .where('attempts', '>=', MAX_ATTEMPTS)
    // Its last attempt may still be running (a provider call under lease).
    .where(leaseFree)
    .where(sql<boolean>`payload->>'refund_id' = ${refundId}`)
    .executeTakeFirst();
  return Number(revived.numUpdatedRows) > 0;
}
