// Money out. The order row is locked, the cap checked against what was paid minus what was already
// refunded, and the refund, the order's running total and the job that calls the provider are
// written together. The unique idempotency key per store makes a second identical refund impossible;
// the CHECK on orders.refunded_amount is the last line of defence.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Breakdown } from '../../domain/policy/types.ts';
import { enqueue } from '../../jobs/queue.ts';
import { lockOrder } from '../orders/orders.queries.ts';
import { addRefunded, findRefundByKey, insertRefund } from './refunds.queries.ts';

export async function issueRefund(
  trx: Tx,
  input: {
    storeId: string;
    orderId: string;
    caseId: string | null;
    amount: number;
    provider: string;
    idempotencyKey: string;
    breakdown: Partial<Breakdown> & Record<string, number>;
  },
): Promise<string> {
  const order = await lockOrder(trx, input.storeId, input.orderId);
  if (!order) throw new AppError('not_found', 'Order not found');
  const existing = await findRefundByKey(trx, input.storeId, input.idempotencyKey);
  if (existing) return existing.id;
  const room = order.paid_amount - order.refunded_amount;
  if (input.amount > room)
    throw new AppError(
      'refund_exceeds_paid',
      `A refund of ${input.amount} exceeds what is left to refund on the order (${room})`,
      {
        paid: order.paid_amount,
        refunded: order.refunded_amount,
      },
    );
  const id = randomUUID();
  await insertRefund(trx, {
    store_id: input.storeId,
    id,
    order_id: input.orderId,
    case_id: input.caseId,
    amount: input.amount,
    currency: order.currency,
    provider: input.provider,
    provider_reference: null,
    status: 'pending',
    idempotency_key: input.idempotencyKey,
    breakdown: JSON.stringify(input.breakdown),
  });
  await addRefunded(trx, input.storeId, input.orderId, input.amount);
  await enqueue(trx, input.storeId, 'refunds.execute', { refund_id: id });
  return id;
}
