// The parcel is on its way (ship) and arrives at the warehouse (receive). Receipt may be partial and
// come in several scans; each adds to the received quantity of its lines, never past what was asked.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { refundDueAt } from '../../domain/policy/refund-clock.ts';
import type { Actor } from '../auth/actor.ts';
import { loadOrder } from '../orders/orders.queries.ts';
import { policyByVersion } from '../policy/policy.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import {
  getReturnLines,
  insertEvent,
  type ReturnRow,
  recordTracking,
  updateReturn,
  updateReturnLine,
} from './returns.queries.ts';
import { loadForStep, moveReturn } from './transition.ts';

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

/** The refund clock moves with the goods: some laws count from receipt (China, Brazil). */
export async function recomputeRefundDue(
  trx: Tx,
  storeId: string,
  row: ReturnRow,
  moments: { receivedAt: Date | null; inspectedAt: Date | null },
): Promise<void> {
  const [store, order, policy] = await Promise.all([
    getStore(trx, storeId),
    loadOrder(trx, storeId, row.order_id),
    policyByVersion(trx, storeId, row.policy_version),
  ]);
  if (!store || !order || !policy) return;
  const due = refundDueAt({
    destination: order.order.shipping_address.country,
    requestedAt: row.requested_at.toISOString(),
    receivedAt: moments.receivedAt?.toISOString() ?? null,
    inspectedAt: moments.inspectedAt?.toISOString() ?? null,
    storeTimeZone: store.time_zone,
    policy: policy.document,
  });
  await updateReturn(trx, storeId, row.id, { refund_due_at: due });
}

export async function receiveReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { lines: { line_id: string; quantity: number }[] },
  now = new Date(),
): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  const lines = await getReturnLines(trx, actor.storeId, [id]);
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
    await updateReturn(trx, actor.storeId, id, { received_at: now });
    await recomputeRefundDue(trx, actor.storeId, row, { receivedAt: now, inspectedAt: null });
  }
  for (const l of input.lines) {
    const line = lines.find((x) => x.line_id === l.line_id);
    if (line)
      await updateReturnLine(trx, actor.storeId, id, l.line_id, {
        received_quantity: line.received_quantity + l.quantity,
      });
  }
}
