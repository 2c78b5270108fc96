// The parcel is on its way (ship) and arrives at the warehouse (receive). Receipt may be partial and
// come in several scans; each adds to the received quantity of its lines, never past what was asked.
// A step's writes (status, event, lines, moment and refund clock) go in one statement.

import type { Tx } from '../../db/schema.ts';
import type { Alongside } from '../../db/with.ts';
import { AppError } from '../../domain/errors.ts';
import { refundDueAt } from '../../domain/policy/refund-clock.ts';
import type { Actor } from '../auth/actor.ts';
import { policyByVersion } from '../policy/policy.queries.ts';
import {
  insertEvent,
  type ReturnRow,
  recordTracking,
  returnLineUpdate,
  returnUpdate,
} from './returns.queries.ts';
import { guardMove, loadForStep, loadForStepWithLines, moveReturn } from './transition.ts';

export async function shipReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { carrier?: string | undefined; tracking_number?: string | undefined },
): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  await moveReturn(trx, actor, row, 'in_transit', { type: 'shipped', data: input });
  if (input.tracking_number)
    await recordTracking(trx, actor.storeId, id, {
      carrier: input.carrier ?? null,
      tracking_number: input.tracking_number,
    });
}

/** Where a return's refund clock runs: the order's destination and the store's time zone. */
export interface ReturnPlace {
  destination: string;
  storeTimeZone: string;
}

/**
 * The moment the goods arrived or were inspected, with the refund clock moved by it (some laws count
 * from receipt: China, Brazil), as a write to send with the step's move. The policy the return was
 * decided under is read once per process (a saved version never changes).
 */
export async function momentWithRefundDue(
  trx: Tx,
  storeId: string,
  row: ReturnRow,
  place: ReturnPlace | null,
  moments: { receivedAt: Date | null; inspectedAt: Date | null },
  moment: { received_at: Date } | { inspected_at: Date },
): Promise<Alongside> {
  const policy = place ? await policyByVersion(trx, storeId, row.policy_version) : undefined;
  const due =
    place && policy
      ? refundDueAt({
          destination: place.destination,
          requestedAt: row.requested_at.toISOString(),
          receivedAt: moments.receivedAt?.toISOString() ?? null,
          inspectedAt: moments.inspectedAt?.toISOString() ?? null,
          storeTimeZone: place.storeTimeZone,
          policy: policy.document,
        })
      : undefined;
  return returnUpdate(storeId, row.id, { ...moment, ...(due === undefined ? {} : { refund_due_at: due }) });
}

export async function receiveReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { lines: { line_id: string; quantity: number }[] },
  now = new Date(),
): Promise<void> {
  const { row, lines, place, recipient } = await loadForStepWithLines(trx, actor, id, { recipient: true });
  const errors: { path: string; message: string }[] = [];
  input.lines.forEach((l, i) => {
    const line = lines.find((x) => x.line_id === l.line_id);
    if (!line) errors.push({ path: `lines.${i}.line_id`, message: 'not a line of this return' });
    else if (line.received_quantity + l.quantity > line.quantity)
      errors.push({
        path: `lines.${i}.quantity`,
        message: `only ${line.quantity - line.received_quantity} more unit(s) expected`,
      });
  });
  const more = row.status === 'received';
  // a return that cannot be received says so before any line is looked at
  if (!more) guardMove(row, 'received');
  if (errors.length)
    throw new AppError('invalid_request', 'The receipt does not match the return', { errors });
  // each line's new count, written with the step's event
  const counted = input.lines.flatMap((l) => {
    const line = lines.find((x) => x.line_id === l.line_id);
    return line
      ? [
          returnLineUpdate(actor.storeId, id, l.line_id, {
            received_quantity: line.received_quantity + l.quantity,
          }),
        ]
      : [];
  });
  if (more)
    // A further parcel of a return already received: no status change, just more units.
    await insertEvent(
      trx,
      { store_id: actor.storeId, case_id: id, type: 'received_more', actor: actor.label, data: input },
      counted,
    );
  else
    await moveReturn(trx, actor, row, 'received', {
      data: input,
      recipient,
      also: [
        ...counted,
        await momentWithRefundDue(
          trx,
          actor.storeId,
          row,
          place,
          { receivedAt: now, inspectedAt: null },
          { received_at: now },
        ),
      ],
    });
}
