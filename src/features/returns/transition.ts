// The one path a return's status changes through: lock, guard with the lifecycle table, write the
// new status and its audit event in the caller's transaction.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { assertTransition, isFinal, type ReturnStatus } from '../../domain/returns/lifecycle.ts';
import type { Actor } from '../auth/actor.ts';
import {
  insertEvent,
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

/** loadForStep() with the return's lines, in one statement. */
export async function loadForStepWithLines(trx: Tx, actor: Actor, id: string) {
  const found = await lockReturnWithLines(trx, actor.storeId, id);
  if (!found) throw new AppError('not_found', 'Return not found');
  return found;
}

export function isKeepItem(row: ReturnRow): boolean {
  return (row.resolution as { type: string }).type === 'keep_item';
}

export async function moveReturn(
  trx: Tx,
  actor: Actor,
  row: ReturnRow,
  to: ReturnStatus,
  event: { type?: string; data?: unknown } = {},
): Promise<void> {
  const from = row.status as ReturnStatus;
  assertTransition(from, to, { keepItem: isKeepItem(row) });
  // the status and its event in one statement
  await insertEvent(
    trx,
    {
      store_id: actor.storeId,
      case_id: row.id,
      type: event.type ?? to,
      from,
      to,
      actor: actor.label,
      data: event.data,
    },
    statusUpdate(actor.storeId, row.id, to, {
      ...(from === 'requested' ? { sla_due_at: null } : {}),
      closed: isFinal(to),
    }),
  );
}
