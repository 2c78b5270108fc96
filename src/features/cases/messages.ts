// After-sales cases are the general object (a return is the first kind; address changes, lost
// parcels and claims come next). This area owns what every case has whatever its kind: the written
// record of the conversation and the team's internal notes.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent, insertMessage } from '../returns/returns.queries.ts';
import { caseExists, listMessages } from './cases.queries.ts';

export interface NewMessage {
  direction: 'in' | 'internal';
  channel: string;
  body: string;
  author?: string | undefined;
}

/** Records an inbound message (e.g. a customer's email pasted in) or an internal note. */
export async function addMessage(trx: Tx, actor: Actor, caseId: string, input: NewMessage): Promise<string> {
  if (!(await caseExists(trx, actor.storeId, caseId))) throw new AppError('not_found', 'Case not found');
  const id = randomUUID();
  await insertMessage(trx, {
    store_id: actor.storeId,
    id,
    case_id: caseId,
    direction: input.direction,
    channel: input.channel,
    author: input.author ?? actor.label,
    body: input.body,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: caseId,
    type: input.direction === 'internal' ? 'note_added' : 'message_received',
    actor: actor.label,
    data: { message_id: id },
  });
  return id;
}

export async function caseMessages(trx: Tx, storeId: string, caseId: string) {
  if (!(await caseExists(trx, storeId, caseId))) throw new AppError('not_found', 'Case not found');
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (await listMessages(trx, storeId, caseId)).map((m) => ({
    ...m,
    at: m.at.toISOString(),
    send_after: iso(m.send_after),
    sent_at: iso(m.sent_at),
    read_at: iso(m.read_at),
  }));
}
