// Create an order, or replace the one with the same external id (or, for an input without one, the
// same number on the same channel). A replacement may not pull the ground from under after-sales
// work already done: lines named by returns stay, the currency stays once money moved, what was
// paid stays at least what was refunded, and a payment with refunds keeps its place.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { amountPaid, orderTotal } from '../../domain/order.ts';
import { orderPayments, refundedPerPayment } from '../refunds/refunds.queries.ts';
import {
  findOrderForUpsert,
  insertOrderRow,
  linesInReturns,
  returnedQuantities,
  updateOrderRow,
  upsertCustomer,
  writeOrderRows,
} from './orders.queries.ts';
import type { OrderInput } from './orders.schemas.ts';

export async function upsertOrder(
  trx: Tx,
  storeId: string,
  input: OrderInput,
): Promise<{ id: string; created: boolean }> {
  const country = input.shipping_address.country;
  const paid = amountPaid(input);
  const existing = await findOrderForUpsert(trx, storeId, input);
  if (existing) {
    // Any return that ever named a line keeps it (a rejected one too: its record points at it), and
    // a line in an open or finished return may not shrink below what that return holds.
    const held = await returnedQuantities(trx, storeId, existing.id);
    const named = await linesInReturns(trx, storeId, existing.id);
    for (const lineId of named) {
      const line = input.lines.find((l) => l.id === lineId);
      const qty = held.get(lineId) ?? 0;
      if (!line || line.quantity < qty)
        throw new AppError(
          'order_conflict',
          `Line ${lineId} is named by a return and cannot be removed or shrink below ${qty}`,
          {
            errors: [{ path: 'lines', message: `line ${lineId} is in a return` }],
          },
        );
    }
    // units cancelled after-sales stay cancelled: a feed may not shrink a line below them
    const cancelled = await trx
      .selectFrom('order_lines')
      .select(['line_id', 'cancelled_quantity'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', existing.id)
      .where('cancelled_quantity', '>', 0)
      .execute();
    for (const c of cancelled) {
      const line = input.lines.find((l) => l.id === c.line_id);
      if (!line || line.quantity < c.cancelled_quantity)
        throw new AppError(
          'order_conflict',
          `Line ${c.line_id} has ${c.cancelled_quantity} unit(s) cancelled and cannot be removed or shrink below that`,
          { errors: [{ path: 'lines', message: `line ${c.line_id} has cancelled units` }] },
        );
    }
    if ((named.length > 0 || existing.refunded_amount > 0) && input.currency !== existing.currency)
      throw new AppError(
        'order_conflict',
        `The currency cannot change from ${existing.currency} once returns or refunds exist`,
        {
          errors: [{ path: 'currency', message: `was ${existing.currency}` }],
        },
      );
    if (paid < existing.refunded_amount)
      throw new AppError(
        'refund_exceeds_paid',
        `Payments (${paid}) would fall below what was already refunded (${existing.refunded_amount})`,
      );
    await keepRefundedPayments(trx, storeId, existing.id, input.payments);
  }
  const customerId = await upsertCustomer(trx, storeId, input.customer, country);
  const row = orderRow(input, customerId);
  if (existing) {
    await updateOrderRow(trx, storeId, existing.id, row);
    await writeOrderRows(trx, storeId, existing.id, input, true);
    return { id: existing.id, created: false };
  }
  const id = randomUUID();
  await insertOrderRow(trx, { store_id: storeId, id, ...row });
  await writeOrderRows(trx, storeId, id, input, false);
  return { id, created: true };
}

/** The order's own row (everything but its lines, payments and parcels), as stored. */
export function orderRow(input: OrderInput, customerId: string) {
  return orderColumns(
    input,
    customerId,
    JSON.stringify(input.shipping_address),
    JSON.stringify(input.discounts),
  );
}

/** orderRow with its jsonb columns given: as JSON text for Kysely, as values for a COPY (which writes their JSON). */
export function orderColumns<J>(input: OrderInput, customerId: string, shippingAddress: J, discounts: J) {
  return {
    external_id: input.external_id,
    number: input.number,
    channel: input.channel,
    currency: input.currency,
    placed_at: input.placed_at,
    return_terms_disclosed: input.return_terms_disclosed,
    customer_id: customerId,
    customer_language: input.customer.language,
    customer_time_zone: input.customer.time_zone,
    customer_segments: input.customer.segments,
    shipping_address: shippingAddress,
    destination_country: input.shipping_address.country,
    discounts,
    shipping_amount: input.shipping.amount,
    shipping_tax: input.shipping.tax,
    total_amount: orderTotal(input),
    paid_amount: amountPaid(input),
    tags: input.tags,
  };
}

/**
 * Refunds name the payment they went back to by its place in the order's list. A replacement may
 * add payments or change one nothing was refunded to, but a payment with refunds keeps its place,
 * its provider and reference, and at least what went back to it: otherwise the next refund would
 * be measured against the wrong payment (and could give a card more than it was charged).
 */
async function keepRefundedPayments(
  trx: Tx,
  storeId: string,
  orderId: string,
  payments: OrderInput['payments'],
) {
  const [before, refunded] = await Promise.all([
    orderPayments(trx, storeId, orderId),
    refundedPerPayment(trx, storeId, orderId),
  ]);
  for (const r of refunded) {
    if (r.position === null) continue;
    const was = before.find((p) => p.position === r.position);
    const now = payments[r.position];
    if (
      was &&
      now &&
      now.provider === was.provider &&
      now.reference === was.reference &&
      now.amount >= r.amount
    )
      continue;
    throw new AppError(
      'order_conflict',
      `Payment ${r.position + 1} (${was?.provider ?? '?'} ${was?.reference ?? ''}) has ${r.amount} refunded: it must stay in its place with at least that amount`,
      { errors: [{ path: `payments.${r.position}`, message: 'has refunds' }] },
    );
  }
}
