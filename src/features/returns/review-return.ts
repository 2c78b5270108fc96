// A person's review of a queued request: approve, or reject with a reason and a reply to the
// customer. Cancel withdraws a return that has not left the customer yet.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { insertMessage, updateReturn } from './returns.queries.ts';
import { loadForStep, moveReturn } from './transition.ts';

export async function approveReturn(trx: Tx, actor: Actor, id: string): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'approved');
  await updateReturn(trx, actor.storeId, id, { approved_at: new Date() });
}

export async function rejectReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { reason_code: string; message: string },
): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'rejected', { data: input });
  await updateReturn(trx, actor.storeId, id, {
    reject_reason: input.reason_code,
    reject_message: input.message,
  });
  if (input.message.trim())
    await insertMessage(trx, {
      store_id: actor.storeId,
      id: randomUUID(),
      case_id: id,
      direction: 'out',
      channel: 'email',
      author: actor.label,
      body: input.message,
    });
}

export async function cancelReturn(trx: Tx, actor: Actor, id: string): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'canceled');
}
