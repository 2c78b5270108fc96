// A person's review of a queued request: approve, or reject with a reason and a reply to the
// customer. Cancel withdraws a return that has not left the customer yet.
import type { Tx } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { returnUpdate } from './returns.queries.ts';
import { loadForStep, moveReturn } from './transition.ts';

export async function approveReturn(trx: Tx, actor: Actor, id: string): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'approved', {
    also: [returnUpdate(actor.storeId, id, { approved_at: new Date() })],
  });
}

export async function rejectReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { reason_code: string; message: string },
): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'rejected', {
    data: input,
    also: [
      returnUpdate(actor.storeId, id, { reject_reason: input.reason_code, reject_message: input.message }),
    ],
  });
  // the customer hears of it by email with the reason (notifications: return_rejected)
}

export async function cancelReturn(trx: Tx, actor: Actor, id: string): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'canceled');
}
