// A refund the team pays by hand (the manual provider) is confirmed once the money has left.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { lockRefund, setRefundOutcome } from './refunds.queries.ts';

export async function confirmRefund(trx: Tx, actor: Actor, id: string, reference: string): Promise<void> {
  const refund = await lockRefund(trx, actor.storeId, id);
  if (!refund) throw new AppError('not_found', 'Refund not found');
  if (refund.status !== 'requires_action')
    throw new AppError(
      'illegal_transition',
      `Only a refund waiting to be paid by hand can be confirmed; this one is ${refund.status}`,
      {
        from: refund.status,
      },
    );
  await setRefundOutcome(trx, actor.storeId, id, { status: 'succeeded', provider_reference: reference });
  if (refund.case_id)
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: refund.case_id,
      type: 'refund_succeeded',
      actor: actor.label,
      data: { refund_id: id, amount: refund.amount, reference },
    });
}
