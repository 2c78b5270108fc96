// Sends a stuck refund again. A refund the provider refused goes out as a new job (a new provider
// key: the refusal was final for the old one), after taking its amount back out of the refundable
// room of the order and of its payment, under the order lock. A refund whose job gave up after its
// retries gets the same job back (the same key: if an attempt did pay, the provider recognises it).
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { reclaimRefused } from './issue-refund.ts';
import { lockRefund, reviveRefundJob, setRefundOutcome } from './refunds.queries.ts';

export async function retryRefund(trx: Tx, actor: Actor, id: string): Promise<void> {
  const refund = await lockRefund(trx, actor.storeId, id);
  if (!refund) throw new AppError('not_found', 'Refund not found');
  if (refund.status === 'failed') {
    // Going back to the same payment: it must still have room for it.
    await reclaimRefused(trx, actor.storeId, refund, { samePayment: true });
    await setRefundOutcome(trx, actor.storeId, id, { status: 'pending' });
    await enqueue(trx, actor.storeId, 'refunds.execute', { refund_id: id });
  } else if (refund.status !== 'pending' || !(await reviveRefundJob(trx, actor.storeId, id))) {
    throw new AppError(
      'illegal_transition',
      `A ${refund.status} refund that is still being sent cannot be retried`,
      { from: refund.status },
    );
  }
  if (refund.case_id)
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: refund.case_id,
      type: 'refund_retried',
      actor: actor.label,
      data: { refund_id: id, was: refund.status },
    });
}
