// The parcel is on its way (ship) and arrives at the warehouse (receive). Receipt may be partial and
// come in several scans; each adds to the received quantity of its lines, never past what was asked.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { refundDueAt } from '../../domain/policy/refund-clock.ts';
import type { Actor } from '../auth/actor.ts';
import { policyByVersion } from '../policy/policy.queries.ts';
import {
  insertEvent,
  type ReturnRow,
  recordTracking,
  updateReturn,
  updateReturnLine,
} from './returns.queries.ts';
import { loadForStep, loadForStepWithLines, moveReturn } from './transition.ts';

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

/**
 * Records the moment the goods arrived or were inspected, and moves the refund clock with them: some
 * laws count from receipt (China, Brazil). One query for what the clock needs, one update.
 */
export async function recordMomentAndRefundDue(
  trx: Tx,
  storeId: string,
  row: ReturnRow,
  moments: { receivedAt: Date | null; inspectedAt: Date | null },
  moment: { received_at: Date } | { inspected_at: Date },
): Promise<void> {
  const [where, policy] = await Promise.all([
    trx
      .selectFrom('orders as o')
      .innerJoin('stores as s', 's.id', 'o.store_id')
      .select(['o.destination_country', 's.time_zone'])
      .where('o.store_id', '=', storeId)
      .where('o.id', '=', row.order_id)
      .executeTakeFirst(),
    policyByVersion(trx, storeId, row.policy_version),
  ]);
  const due =
    where && policy
      ? refundDueAt({
          destination: where.destination_country,
          requestedAt: row.requested_at.toISOString(),
          receivedAt: moments.receivedAt?.toISOString() ?? null,
          inspectedAt: moments.inspectedAt?.toISOString() ?? null,
          storeTimeZone: where.time_zone,
          policy: policy.document,
        })
      : undefined;
  await updateReturn(trx, storeId, row.id, {
    ...moment,
    ...(due === undefined ? {} : { refund_due_at: due }),
  });
}

export async function receiveReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { lines: { line_id: string; quantity: number }[] },
  now = new Date(),
): Promise<void> {
  const { row, lines } = await loadForStepWithLines(trx, actor, id);
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
  if (row.status === 'received') {
    // A further parcel of a return already received: no status change, just more units.
    if (errors.length)
      throw new AppError('invalid_request', 'The receipt does not match the return', { errors });
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: id,
      type: 'received_more',
      actor: actor.label,
      data: input,
    });
  } else {
    await moveReturn(trx, actor, row, 'received', { data: input });
    if (errors.length)
      throw new AppError('invalid_request', 'The receipt does not match the return', { errors });
    await recordMomentAndRefundDue(
      trx,
      actor.storeId,
      row,
      { receivedAt: now, inspectedAt: null },
      { received_at: now },
    );
  }
  for (const l of input.lines) {
    const line = lines.find((x) => x.line_id === l.line_id);
    if (line)
      await updateReturnLine(trx, actor.storeId, id, l.line_id, {
        received_quantity: line.received_quantity + l.quantity,
      });
  }
}
