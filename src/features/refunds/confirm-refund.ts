// A refund the team pays by hand is confirmed once the money has left: one waiting for a manual
// payment (the manual provider), or one the provider refused that the team paid another way (a bank
// transfer after a card refund bounced). The refused one had given its amount back to the order's
// refundable room, so confirming it takes the amount again, under the order's lock and cap.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { reclaimRefused } from './issue-refund.ts';
import { lockRefund, setRefundOutcome } from './refunds.queries.ts';

export async function confirmRefund(trx: Tx, actor: Actor, id: string, reference: string): Promise<void> {
  const refund = await lockRefund(trx, actor.storeId, id);
  if (!refund) throw new AppError('not_found', 'Refund not found');
  if (refund.status !== 'requires_action' && refund.status !== 'failed')
    throw new AppError(
      'illegal_transition',
      `Only a refund waiting to be paid by hand, or one the provider refused, can be confirmed; this one is ${refund.status}`,
      { from: refund.status },
    );
  // Paid another way: only the order's cap applies, not the refused payment's room.
  if (refund.status === 'failed') await reclaimRefused(trx, actor.storeId, refund, { samePayment: false });
  await setRefundOutcome(trx, actor.storeId, id, { status: 'succeeded', provider_reference: reference });
  if (refund.case_id)
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: refund.case_id,
      type: 'refund_succeeded',
      actor: actor.label,
      data: { refund_id: id, amount: refund.amount, reference, by_hand: true, was: refund.status },
    });
}
