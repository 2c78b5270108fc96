// Money out. The order row is locked, the cap checked against what was paid minus what was already
// refunded, and the refunds, the order's running total and the jobs that call the providers are
// written together. A refund goes back to the order's payments in order, one refund per payment it
// touches, none beyond what that payment can still take. Each carries a key per (source, payment),
// unique per store, so a second set is impossible; the CHECK on orders.refunded_amount is the last
// line of defence.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Breakdown } from '../../domain/policy/types.ts';
import { enqueueWith } from '../../jobs/queue.ts';
import { lockOrder } from '../orders/orders.queries.ts';
import {
  addRefunded,
  lockOrderForRefund,
  orderPayments,
  refundedGrows,
  refundedPerPayment,
} from './refunds.queries.ts';
import { type PaymentRoom, paymentRooms, splitBreakdown, splitRefund } from './split-refund.ts';

/** What each of the order's payments can still take; call under the order's row lock. */
export async function loadPaymentRooms(trx: Tx, storeId: string, orderId: string): Promise<PaymentRoom[]> {
  const [payments, refunded] = await Promise.all([
    orderPayments(trx, storeId, orderId),
    refundedPerPayment(trx, storeId, orderId),
  ]);
  return paymentRooms(payments, refunded);
}

/** Returns the refunds' ids in payment order (the first set's, on a replay). */
export async function issueRefund(
  trx: Tx,
  input: {
    storeId: string;
    orderId: string;
    caseId: string | null;
    amount: number;
    idempotencyKey: string;
    breakdown: Partial<Breakdown> & Record<string, number>;
  },
): Promise<string[]> {
  // the order locked, its payments, what went back to each and any refund already made under the
  // key (the bare key is the one refunds carried before they were split per payment): one statement
  const order = await lockOrderForRefund(trx, input.storeId, input.orderId, input.idempotencyKey);
  if (!order) throw new AppError('not_found', 'Order not found');
  if (order.existing.length > 0) return order.existing.map((r) => r.id);
  const rooms = paymentRooms(order.payments, order.refunded);
  const keyFor = (position: number) => `${input.idempotencyKey}:payment:${position}`;
  const room = order.paid_amount - order.refunded_amount;
  const parts = splitRefund(input.amount, rooms);
  const payable = parts.reduce((s, p) => s + p.amount, 0);
  if (input.amount > room || payable < input.amount)
    throw new AppError(
      'refund_exceeds_paid',
      `A refund of ${input.amount} exceeds what is left to refund on the order (${Math.min(room, payable)})`,
      {
        paid: order.paid_amount,
        refunded: order.refunded_amount,
      },
    );
  const breakdowns = splitBreakdown(
    input.breakdown,
    parts.map((p) => p.amount),
  );
  const ids: string[] = [];
  const grows = refundedGrows(input.storeId, input.orderId, input.amount);
  for (const [i, part] of parts.entries()) {
    const id = randomUUID();
    // the refund and the job that pays it in one statement; with the last, the order's refunded total
    await enqueueWith(trx, input.storeId, 'refunds.execute', { refund_id: id }, new Date(), [
      (db) =>
        db.insertInto('refunds').values({
          store_id: input.storeId,
          id,
          order_id: input.orderId,
          case_id: input.caseId,
          amount: part.amount,
          currency: order.currency,
          provider: part.provider,
          payment_position: part.position,
          provider_reference: null,
          status: 'pending',
          idempotency_key: keyFor(part.position),
          breakdown: JSON.stringify(breakdowns[i]),
        }),
      ...(i === parts.length - 1 ? [grows] : []),
    ]);
    ids.push(id);
  }
  // (no parts only for an amount of 0: nothing paid back, nothing to add)
  return ids;
}

/**
 * A refused refund gave its amount back to the order's refundable room; sending it again or
 * recording it as paid another way takes the amount again, under the order's lock and cap (and,
 * going back to the same payment, within what that payment can still take).
 */
export async function reclaimRefused(
  trx: Tx,
  storeId: string,
  refund: { order_id: string; amount: number; payment_position: number | null },
  opts: { samePayment: boolean },
): Promise<void> {
  const order = await lockOrder(trx, storeId, refund.order_id);
  if (!order) throw new AppError('not_found', 'Order not found');
  const room = order.paid_amount - order.refunded_amount;
  if (refund.amount > room)
    throw new AppError('refund_exceeds_paid', `Only ${room} is left to refund on the order`, {
      paid: order.paid_amount,
      refunded: order.refunded_amount,
    });
  if (opts.samePayment && refund.payment_position !== null) {
    const rooms = await loadPaymentRooms(trx, storeId, refund.order_id);
    const left = rooms.find((r) => r.position === refund.payment_position)?.room ?? 0;
    if (refund.amount > left)
      throw new AppError('refund_exceeds_paid', `Only ${left} is left to refund on that payment`, {
        payment_position: refund.payment_position,
      });
  }
  await addRefunded(trx, storeId, refund.order_id, refund.amount);
}
