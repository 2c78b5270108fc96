// A reply from the case page: free text, or a suggested reply the agent edited, sent as the
// agent_reply template (greeting and sign-off in the customer's language), threaded on the
// customer's last message, and kept on the case like every message.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { queueMessage } from './notify.ts';
import { loadRecipient } from './recipient.ts';

export async function replyToCustomer(
  trx: Tx,
  actor: Actor,
  caseId: string,
  input: { body: string },
): Promise<{ id: string }> {
  const r = await loadRecipient(trx, actor.storeId, caseId);
  if (!r) throw new AppError('not_found', 'Case not found');
  if (r.kind === 'dispute')
    throw new AppError(
      'forbidden',
      'A payment dispute is answered to the payment provider, not the customer',
    );
  const id = await queueMessage(trx, r, {
    template: 'agent_reply',
    values: { message: input.body.trim() },
    author: actor.label,
  });
  if (!id) throw new AppError('internal', 'The reply could not be queued');
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: caseId,
    type: 'reply_sent',
    actor: actor.label,
    data: { message_id: id },
  });
  // answering reads what the customer wrote
  await markRead(trx, actor.storeId, caseId);
  return { id };
}

export async function markRead(trx: Tx, storeId: string, caseId: string): Promise<number> {
  const res = await trx
    .updateTable('case_messages')
    .set({ read_at: new Date() })
    .where('store_id', '=', storeId)
    .where('case_id', '=', caseId)
    .where('direction', '=', 'in')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
