// A replacement order: a reship of lost or faulty goods, or the new item of an exchange. It is an
// order of its own (channel `replacement`, number "<original>-R1", lines at no charge) so the store's
// fulfilment picks it up like any other, linked to the case that made it and the order it replaces.
// A dearer exchange item waits for the customer's difference before it may ship.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Address } from '../../domain/order.ts';
import type { Actor } from '../auth/actor.ts';
import { loadOrder } from '../orders/load-order.ts';
import { orderInputSchema } from '../orders/orders.schemas.ts';
import { upsertOrder } from '../orders/upsert-order.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { redeemCredit } from '../store-credit/store-credit.ts';

export interface ReplacementInput {
  caseId: string;
  sourceOrderId: string;
  /** the source order's lines to send again; `sku` sends another variant (an exchange) */
  lines: readonly {
    line_id: string;
    quantity: number;
    sku?: string;
    title?: string;
    variant?: string | null;
  }[];
  address?: Address | null;
  /** what the customer still owes before it ships (a dearer exchange item) */
  dueAmount?: number;
}

export async function createReplacement(
  trx: Tx,
  actor: Actor,
  input: ReplacementInput,
  now = new Date(),
): Promise<string> {
  const source = await loadOrder(trx, actor.storeId, input.sourceOrderId);
  if (!source) throw new AppError('not_found', 'Order not found');
  const existing = await trx
    .selectFrom('replacements')
    .select(sql<number>`count(*)`.as('n'))
    .where('store_id', '=', actor.storeId)
    .where('source_order_id', '=', input.sourceOrderId)
    .executeTakeFirstOrThrow();
  const o = source.order;
  const number = `${o.number}-R${Number(existing.n) + 1}`;
  const parsed = orderInputSchema.parse({
    external_id: null,
    number,
    channel: 'replacement',
    currency: o.currency,
    placed_at: now.toISOString(),
    return_terms_disclosed: o.return_terms_disclosed,
    customer: {
      email: o.customer.email,
      name: o.customer.name,
      phone: o.customer.phone,
      language: o.customer.language,
      time_zone: o.customer.time_zone,
      segments: o.customer.segments,
    },
    shipping_address: input.address ?? o.shipping_address,
    lines: input.lines.map((l) => {
      const line = o.lines.find((x) => x.id === l.line_id);
      if (!line) throw new AppError('invalid_request', `Line ${l.line_id} is not on the order`);
      return {
        id: l.line_id,
        sku: l.sku ?? line.sku,
        title: l.title ?? line.title,
        variant: l.variant !== undefined ? l.variant : line.variant,
        category: line.category,
        quantity: l.quantity,
        unit_price: 0,
        discount: 0,
        tax: 0,
        flags: line.flags,
        supplier: line.supplier,
      };
    }),
    discounts: [],
    shipping: { amount: 0, tax: 0 },
    payments: [],
    fulfillments: [],
  });
  const { id } = await upsertOrder(trx, actor.storeId, parsed);
  const due = input.dueAmount ?? 0;
  await trx
    .insertInto('replacements')
    .values({
      store_id: actor.storeId,
      order_id: id,
      case_id: input.caseId,
      source_order_id: input.sourceOrderId,
      status: due > 0 ? 'awaiting_payment' : 'ready',
      currency: o.currency,
      due_amount: due,
    })
    .execute();
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: input.caseId,
    type: 'replacement_created',
    actor: actor.label,
    data: { order_id: id, number, due_amount: due, lines: input.lines },
  });
  return id;
}

export async function getReplacement(trx: Tx, storeId: string, orderId: string) {
  return trx
    .selectFrom('replacements as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select([
      'r.order_id',
      'r.case_id',
      'r.source_order_id',
      'r.status',
      'r.currency',
      'r.cost',
      'r.due_amount',
      'r.due_settled_by',
      'r.due_reference',
      'r.created_at',
      'r.updated_at',
      'o.number',
    ])
    .where('r.store_id', '=', storeId)
    .where('r.order_id', '=', orderId)
    .executeTakeFirst();
}

export type ReplacementRow = NonNullable<Awaited<ReturnType<typeof getReplacement>>>;

export function replacementView(r: ReplacementRow) {
  return {
    order_id: r.order_id,
    number: r.number,
    case_id: r.case_id,
    source_order_id: r.source_order_id,
    status: r.status,
    currency: r.currency,
    cost: r.cost,
    due_amount: r.due_amount,
    due_settled_by: r.due_settled_by,
    due_reference: r.due_reference,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

const NEXT: Record<string, readonly string[]> = {
  awaiting_payment: ['ready', 'canceled'],
  ready: ['shipped', 'canceled'],
  shipped: ['delivered'],
  delivered: [],
  canceled: [],
};

async function lockReplacement(trx: Tx, storeId: string, orderId: string) {
  const row = await trx
    .selectFrom('replacements')
    .select(['order_id', 'status', 'case_id'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Replacement not found');
  return row;
}

async function moveReplacement(
  trx: Tx,
  actor: Actor,
  row: { order_id: string; status: string; case_id: string },
  to: string,
  set: Record<string, unknown>,
  data: Record<string, unknown>,
) {
  if (!(NEXT[row.status] ?? []).includes(to))
    throw new AppError(
      'illegal_transition',
      row.status === 'awaiting_payment' && to === 'shipped'
        ? 'The customer has not paid the price difference yet: settle it before the replacement ships'
        : `A replacement cannot go from ${row.status} to ${to}`,
      { from: row.status, to },
    );
  await trx
    .updateTable('replacements')
    .set({ status: to, updated_at: sql<Date>`now()`, ...set })
    .where('store_id', '=', actor.storeId)
    .where('order_id', '=', row.order_id)
    .execute();
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: row.case_id,
    type: `replacement_${to}`,
    actor: actor.label,
    data: { order_id: row.order_id, ...data },
  });
}

/** The price difference is paid: through a payment link (its reference), with the customer's store
 *  credit (the code is spent by the amount due), or the store waives it. */
export async function settleReplacementDue(
  trx: Tx,
  actor: Actor,
  orderId: string,
  input: {
    by: 'payment' | 'store_credit' | 'waived';
    reference?: string | undefined;
    code?: string | undefined;
  },
) {
  const row = await lockReplacement(trx, actor.storeId, orderId);
  if (input.by === 'store_credit') {
    if (!input.code)
      throw new AppError('invalid_request', 'Name the credit code to spend', {
        errors: [{ path: 'code', message: 'required to pay with store credit' }],
      });
    const due = await trx
      .selectFrom('replacements')
      .select(['due_amount', 'currency'])
      .where('store_id', '=', actor.storeId)
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    const spent = await redeemCredit(trx, actor.storeId, {
      code: input.code,
      amount: Number(due.due_amount),
      currency: due.currency,
      reference: `replacement ${orderId}`,
      idempotencyKey: `replacement:${orderId}`,
    });
    input = { ...input, reference: spent.redemption_id };
  }
  await moveReplacement(
    trx,
    actor,
    row,
    'ready',
    { due_settled_by: input.by, due_reference: input.reference ?? null },
    { by: input.by, reference: input.reference ?? null },
  );
}

/** The replacement left the warehouse: its fulfilment is recorded on its own order. */
export async function shipReplacement(
  trx: Tx,
  actor: Actor,
  orderId: string,
  input: { carrier: string | null; tracking_number: string | null; cost?: number | undefined },
  now = new Date(),
) {
  const row = await lockReplacement(trx, actor.storeId, orderId);
  const order = await loadOrder(trx, actor.storeId, orderId);
  if (!order) throw new AppError('not_found', 'Order not found');
  await moveReplacement(trx, actor, row, 'shipped', input.cost !== undefined ? { cost: input.cost } : {}, {
    carrier: input.carrier,
    tracking_number: input.tracking_number,
    cost: input.cost ?? null,
  });
  await trx
    .insertInto('fulfillments')
    .values({
      store_id: actor.storeId,
      order_id: orderId,
      fulfillment_id: `F${order.order.fulfillments.length + 1}`,
      carrier: input.carrier,
      tracking_number: input.tracking_number,
      shipped_at: now,
      delivered_at: null,
      lines: JSON.stringify(order.order.lines.map((l) => ({ line_id: l.id, quantity: l.quantity }))),
    })
    .execute();
}

export async function deliverReplacement(trx: Tx, actor: Actor, orderId: string, now = new Date()) {
  const row = await lockReplacement(trx, actor.storeId, orderId);
  await moveReplacement(trx, actor, row, 'delivered', {}, {});
  await trx
    .updateTable('fulfillments')
    .set({ delivered_at: now })
    .where('store_id', '=', actor.storeId)
    .where('order_id', '=', orderId)
    .where('delivered_at', 'is', null)
    .execute();
}
