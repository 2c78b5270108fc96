// The end of a case: money back, store credit, a replacement, the new address, or nothing with a
// message. Guarded by the kind's table; a resolved case is final (a second resolve is a 409, a replay
// of the same Idempotency-Key answers the first result). Refunds go through the same order row lock,
// cap and per-payment split as a return's, under a key derived from the case, so money leaves once.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { cancellableQuantities } from '../../domain/cases/case-money.ts';
import {
  assertResolvable,
  type CaseKind,
  type CaseResolutionType,
  type CaseStatus,
  KINDS,
  statusAfter,
} from '../../domain/cases/kinds.ts';
import { AppError } from '../../domain/errors.ts';
import type { Address } from '../../domain/order.ts';
import type { Actor } from '../auth/actor.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { issueRefund } from '../refunds/issue-refund.ts';
import { addRefunded, insertRefund } from '../refunds/refunds.queries.ts';
import { insertEvent, insertMessage } from '../returns/returns.queries.ts';
import { creditExpiry, grantStoreCredit } from '../store-credit/store-credit.ts';
import { assertGoodwill, fullRefund, goodwillLimit } from './case-amounts.ts';
import { type CaseContext, loadCaseContext } from './case-context.ts';
import {
  addCancelled,
  type CaseRow,
  getCaseLines,
  lockCase,
  setShippingAddress,
  updateCase,
} from './cases.queries.ts';
import type { CaseResolution } from './cases.schemas.ts';
import { createReplacement } from './replacements.ts';

export async function loadCaseForStep(trx: Tx, actor: Actor, id: string): Promise<CaseRow> {
  const row = await lockCase(trx, actor.storeId, id);
  if (!row) throw new AppError('not_found', 'Case not found');
  return row;
}

export function caseData(row: CaseRow): Record<string, unknown> {
  return (row.data ?? {}) as Record<string, unknown>;
}

function anyShipped(ctx: CaseContext): boolean {
  return ctx.stored.order.fulfillments.some((f) => f.shipped_at !== null);
}

/** A kind that needs photos or video (an item problem) has them before money or goods go out. */
export async function assertEvidence(trx: Tx, storeId: string, row: CaseRow): Promise<void> {
  if (KINDS[row.kind as CaseKind].evidence !== 'required') return;
  const one = await trx
    .selectFrom('case_evidence')
    .select('id')
    .where('store_id', '=', storeId)
    .where('case_id', '=', row.id)
    .limit(1)
    .executeTakeFirst();
  if (!one)
    throw new AppError(
      'not_eligible',
      'A photo or video of the problem is needed before a refund or a replacement',
      {
        explanations: [],
        errors: [{ path: 'evidence', message: 'upload a photo or video to /cases/{id}/evidence' }],
      },
    );
}

export interface ResolveOptions {
  ctx?: CaseContext;
  /** the customer accepted an offer a person made: the offer was held to that person's ceiling */
  acceptedOffer?: boolean;
}

export async function resolveCase(
  trx: Tx,
  actor: Actor,
  id: string,
  resolution: CaseResolution,
  now = new Date(),
  options: ResolveOptions = {},
): Promise<void> {
  const row = await loadCaseForStep(trx, actor, id);
  const kind = row.kind as CaseKind;
  const from = row.status as CaseStatus;
  assertResolvable(kind, from, resolution.type as CaseResolutionType);
  const ctx = options.ctx ?? (await loadCaseContext(trx, actor.storeId, row.order_id));
  const data = caseData(row);
  const lines = (await getCaseLines(trx, actor.storeId, [id])).map((l) => ({
    line_id: l.line_id,
    quantity: l.quantity,
  }));
  const full = fullRefund(ctx, kind, lines, data);
  if (resolution.type !== 'none' && !options.acceptedOffer) await assertEvidence(trx, actor.storeId, row);
  const day = now.toISOString().slice(0, 10);
  const outcome: Record<string, unknown> = { type: resolution.type };
  if ('message' in resolution && resolution.message) outcome.message = resolution.message;

  if (kind === 'cancellation' && resolution.type === 'refund') {
    // the units may have shipped since the case was opened
    const open = cancellableQuantities(ctx.stored.order, new Map(Object.entries(ctx.stored.cancelled)));
    const late = lines.filter((l) => l.quantity > (open.find((o) => o.line_id === l.line_id)?.quantity ?? 0));
    if (late.length)
      throw new AppError(
        'already_shipped',
        'Some of these items shipped in the meantime and can no longer be cancelled',
        {
          lines: late.map((l) => l.line_id),
          offer_return_after_delivery: true,
        },
      );
    await addCancelled(trx, actor.storeId, row.order_id, lines);
    outcome.cancelled = lines;
    // tells the store's systems to stop fulfilment of these units (the outbox; connectors deliver it)
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: id,
      type: 'fulfillment_stop_requested',
      actor: actor.label,
      data: { order_id: row.order_id, lines },
    });
  }

  switch (resolution.type) {
    case 'refund': {
      if (kind === 'dispute') {
        // accepting a dispute: the provider already took the money back, nothing is sent again
        const amount = resolution.amount ?? full?.total ?? 0;
        outcome.amount = await recordChargeback(trx, actor, row, amount, ctx);
        break;
      }
      let amount = resolution.amount ?? full?.total ?? 0;
      if (amount <= 0)
        throw new AppError(
          'invalid_request',
          'This case has no amount of its own: give the amount to refund',
          {
            errors: [{ path: 'resolution.amount', message: 'required for this case' }],
          },
        );
      // a whole-order cancellation before shipment gives back everything paid
      if (kind === 'cancellation' && resolution.amount === undefined && data.whole_order === true)
        amount = Math.max(0, ctx.stored.paid_amount - ctx.stored.refunded_amount);
      const goodwill = options.acceptedOffer
        ? 0
        : assertGoodwill(
            amount,
            full,
            resolution.goodwill,
            goodwillLimit(ctx, actor, await loadRateTable(trx, actor.storeId), day),
          );
      const unitsRefunded =
        (kind === 'lost_parcel' || kind === 'delivery_delay') && full !== null && amount >= full.total;
      const breakdown: Record<string, number> =
        full && amount === full.total ? { ...full } : { goodwill, partial: amount - goodwill, total: amount };
      const refundIds = await issueRefund(trx, {
        storeId: actor.storeId,
        orderId: row.order_id,
        caseId: id,
        amount,
        idempotencyKey: `case:${id}:resolve`,
        breakdown: { ...breakdown, total: amount },
      });
      Object.assign(outcome, { amount, goodwill, refund_ids: refundIds, units_refunded: unitsRefunded });
      break;
    }
    case 'store_credit': {
      const goodwill = options.acceptedOffer
        ? 0
        : assertGoodwill(
            resolution.amount,
            full,
            resolution.goodwill,
            goodwillLimit(ctx, actor, await loadRateTable(trx, actor.storeId), day),
          );
      const credit = await grantStoreCredit(trx, {
        storeId: actor.storeId,
        customerId: row.customer_id,
        amount: resolution.amount,
        currency: ctx.stored.order.currency,
        caseId: id,
        note: `Case ${row.number}`,
        expiresAt: creditExpiry(ctx.policy.store_credit_valid_days, now),
      });
      Object.assign(outcome, {
        amount: resolution.amount,
        goodwill,
        currency: ctx.stored.order.currency,
        credit_code: credit.code,
      });
      break;
    }
    case 'reship': {
      const address = (kind === 'address_change' ? data.shipping_address : null) as Address | null;
      const reship = lines.length
        ? lines
        : kind === 'address_change'
          ? ctx.stored.order.lines.map((l) => ({ line_id: l.id, quantity: l.quantity }))
          : [];
      if (reship.length === 0)
        throw new AppError('invalid_request', 'This case names no lines to send again', {
          errors: [{ path: 'resolution.type', message: 'no lines to reship' }],
        });
      const orderId = await createReplacement(
        trx,
        actor,
        { caseId: id, sourceOrderId: row.order_id, lines: reship, address },
        now,
      );
      await updateCase(trx, actor.storeId, id, { replacement_order_id: orderId });
      outcome.replacement_order_id = orderId;
      break;
    }
    case 'update_address': {
      if (anyShipped(ctx))
        throw new AppError(
          'already_shipped',
          'The order has already shipped: ask the carrier to intercept the parcel, or send it again to the new address',
          { offer: ['intercept', 'reship'] },
        );
      const address = resolution.shipping_address ?? (data.shipping_address as Address | undefined);
      if (!address)
        throw new AppError('invalid_request', 'Give the new shipping address', {
          errors: [{ path: 'resolution.shipping_address', message: 'required' }],
        });
      await setShippingAddress(trx, actor.storeId, row.order_id, address);
      await insertEvent(trx, {
        store_id: actor.storeId,
        case_id: id,
        type: 'address_changed',
        actor: actor.label,
        data: { order_id: row.order_id, from: ctx.stored.order.shipping_address, to: address },
      });
      outcome.shipping_address = address;
      break;
    }
    case 'none':
      if (resolution.message)
        await insertMessage(trx, {
          store_id: actor.storeId,
          id: randomUUID(),
          case_id: id,
          direction: 'out',
          channel: 'portal',
          author: actor.label,
          body: resolution.message,
        });
      break;
  }

  const to = statusAfter(resolution.type as CaseResolutionType);
  await updateCase(trx, actor.storeId, id, {
    status: to,
    resolution: { ...outcome, at: now.toISOString(), by: actor.label },
    offer: null,
    sla_due_at: null,
    closed: true,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'resolved',
    from,
    to,
    actor: actor.label,
    data: outcome,
  });
}

/**
 * A dispute the store lost or accepted: the payment provider already gave the money back, so it is
 * recorded as a refund that succeeded (no provider call), under the order's lock and cap. What goes
 * beyond what is left on the order (it was refunded already) is recorded in the event, not counted
 * twice.
 */
export async function recordChargeback(
  trx: Tx,
  actor: Actor,
  row: CaseRow,
  amount: number,
  ctx?: CaseContext,
): Promise<number> {
  const c = ctx ?? (await loadCaseContext(trx, actor.storeId, row.order_id));
  const room = Math.max(0, c.stored.paid_amount - c.stored.refunded_amount);
  const counted = Math.min(amount, room);
  const key = `dispute:${row.id}:chargeback`;
  const existing = await trx
    .selectFrom('refunds')
    .select('amount')
    .where('store_id', '=', actor.storeId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (existing) return existing.amount;
  if (counted > 0) {
    await insertRefund(trx, {
      store_id: actor.storeId,
      id: randomUUID(),
      order_id: row.order_id,
      case_id: row.id,
      amount: counted,
      currency: c.stored.order.currency,
      provider: 'chargeback',
      provider_reference: (caseData(row).provider_dispute_id as string | null) ?? null,
      status: 'succeeded',
      idempotency_key: key,
      breakdown: JSON.stringify({ chargeback: counted, total: counted }),
      payment_position: null,
    });
    await addRefunded(trx, actor.storeId, row.order_id, counted);
  }
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: row.id,
    type: 'chargeback_recorded',
    actor: actor.label,
    data: { amount, counted, already_refunded: amount - counted },
  });
  return counted;
}
