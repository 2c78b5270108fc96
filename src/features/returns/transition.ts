// The one path a return's status changes through: lock, guard with the lifecycle table, write the
// new status and its audit event in the caller's transaction.

import type { Tx } from '../../db/schema.ts';
import type { Alongside } from '../../db/with.ts';
import { AppError } from '../../domain/errors.ts';
import { assertTransition, isFinal, type ReturnStatus } from '../../domain/returns/lifecycle.ts';
import type { Actor } from '../auth/actor.ts';
import type { Recipient } from '../notifications/recipient.ts';
import {
  type EventInput,
  insertEvents,
  lockReturn,
  lockReturnWithLines,
  type ReturnRow,
  statusUpdate,
} from './returns.queries.ts';

export async function loadForStep(trx: Tx, actor: Actor, id: string): Promise<ReturnRow> {
  const row = await lockReturn(trx, actor.storeId, id);
  if (!row) throw new AppError('not_found', 'Return not found');
  return row;
}

/** loadForStep() with the return's lines (and, if asked, its message's recipient), in one statement. */
export async function loadForStepWithLines(
  trx: Tx,
  actor: Actor,
  id: string,
  opts: { recipient?: boolean } = {},
) {
  const found = await lockReturnWithLines(trx, actor.storeId, id, opts);
  if (!found) throw new AppError('not_found', 'Return not found');
  return found;
}

export function isKeepItem(row: Pick<ReturnRow, 'resolution'>): boolean {
  return (row.resolution as { type: string }).type === 'keep_item';
}

/** Refuses a move the lifecycle does not allow, before anything is written (moveReturn checks again). */
export function guardMove(row: Pick<ReturnRow, 'status' | 'resolution'>, to: ReturnStatus): void {
  assertTransition(row.status as ReturnStatus, to, { keepItem: isKeepItem(row) });
}

export async function moveReturn(
  trx: Tx,
  actor: Actor,
  row: Pick<ReturnRow, 'id' | 'status' | 'resolution'>,
  to: ReturnStatus,
  /**
   * `also`: what the step writes with the move (its timestamps, its lines), in the same statement;
   * `then`: the step's further events, after the move's, in that statement too
   */
  event: {
    type?: string;
    data?: unknown;
    also?: readonly Alongside[];
    then?: readonly EventInput[];
    /** the customer, read with the step's lock (else read here when the move has something to say) */
    recipient?: Recipient | undefined;
  } = {},
): Promise<void> {
  const from = row.status as ReturnStatus;
  guardMove(row, to);
  // the status, its event and what the step wrote with it in one statement
  await insertEvents(
    trx,
    [
      {
        store_id: actor.storeId,
        case_id: row.id,
        type: event.type ?? to,
        from,
        to,
        actor: actor.label,
        data: event.data,
      },
      ...(event.then ?? []),
    ],
    [
      statusUpdate(actor.storeId, row.id, to, {
        ...(from === 'requested' ? { sla_due_at: null } : {}),
        closed: isFinal(to),
      }),
      ...(event.also ?? []),
    ],
    // the case exists: the customer's message is written with the move
    { notifyFirst: true, recipient: event.recipient },
  );
}
