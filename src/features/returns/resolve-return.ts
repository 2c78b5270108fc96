import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Decision, LineDecision, ResolutionType } from '../../domain/policy/types.ts';
import { settleReturn } from '../../domain/returns/settlement.ts';
import type { Actor } from '../auth/actor.ts';
import { createReplacement } from '../cases/replacements.ts';
import { productsBySku } from '../catalog/catalog.queries.ts';
import { policyByVersion } from '../policy/policy.queries.ts';
import { issueRefund } from '../refunds/issue-refund.ts';
import { creditExpiry, grantStoreCredit } from '../store-credit/store-credit.ts';
import { insertEvent, returnUpdate } from './returns.queries.ts';
import { guardMove, isKeepItem, loadForStepWithLines, moveReturn } from './transition.ts';

export interface ResolveInput {
  /** pay out otherwise than the customer asked: money back or store credit */
  resolution?: { type: 'refund' | 'store_credit'; customer_agreed?: boolean } | undefined;
}

export async function resolveReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: ResolveInput = {},
  now = new Date(),
): Promise<void> {
  const { row, lines, recipient } = await loadForStepWithLines(trx, actor, id, { recipient: true });
  // a return that cannot be completed says so before anything is paid
  guardMove(row, 'completed');
  const asked = (row.resolution as { type: ResolutionType }).type;
  const resolution = input.resolution?.type ?? asked;
  // A keep-the-item refund is decided without the parcel; turning it into anything else would pay
  // for units nobody sends back (settlement counts received units for every other resolution).
  if (resolution !== asked && isKeepItem(row))
    throw new AppError('invalid_request', 'A keep-the-item return is paid out as a refund only', {
      errors: [{ path: 'resolution.type', message: 'a keep-the-item return is refunded' }],
    });
  // Money back is never less than the customer asked for, so the store may always choose it; store
  // credit instead of money needs the customer's word (and EU law asks for it: Directive 2011/83/EU
  // art. 13(1) refunds by the original means unless the consumer expressly agreed otherwise).
  const agreed = input.resolution?.customer_agreed === true;
  if (resolution === 'store_credit' && asked !== 'store_credit' && !agreed)
    throw new AppError('invalid_request', `Store credit instead of ${asked} needs the customer's agreement`, {
      errors: [
        { path: 'resolution.customer_agreed', message: 'the customer must have agreed to store credit' },
      ],
    });
  if (resolution !== asked)
    await insertEvent(
      trx,
      {
        store_id: actor.storeId,
        case_id: id,
        type: 'resolution_changed',
        actor: actor.label,
        data: { from: asked, to: resolution, asked: row.resolution, customer_agreed: agreed },
      },
      returnUpdate(actor.storeId, id, { resolution: JSON.stringify({ type: resolution }) }),
    );
  const decision = row.decision as unknown as Decision;
  const policy = await policyByVersion(trx, actor.storeId, row.policy_version);
  const settlement = settleReturn({
    resolution: isKeepItem(row) ? 'keep_item' : resolution,
    decision,
    storeCreditBonusPercent: policy?.document.store_credit_bonus_percent ?? 0,
    lines: lines.map((l) => ({
      line_id: l.line_id,
      quantity: l.quantity,
      received_quantity: l.received_quantity,
      deduction: l.deduction_amount,
      refund: (l.decision as unknown as LineDecision).refund,
    })),
  });
  let refundIds: string[] = [];
  if (settlement.refund > 0)
    refundIds = await issueRefund(trx, {
      storeId: actor.storeId,
      orderId: row.order_id,
      caseId: id,
      amount: settlement.refund,
      idempotencyKey: `return:${id}:resolve`,
      breakdown: { ...settlement.breakdown, total: settlement.refund },
    });
  if (settlement.store_credit > 0)
    await grantStoreCredit(trx, {
      storeId: actor.storeId,
      customerId: row.customer_id,
      amount: settlement.store_credit,
      currency: decision.currency,
      caseId: id,
      note: `Return ${row.number}`,
      expiresAt: creditExpiry(policy?.document.store_credit_valid_days ?? null, now),
    });
  // an exchange sends the new variant as a replacement order, held until a dearer one is paid for
  let replacementOrderId: string | null = null;
  if (resolution === 'exchange') {
    const wanted = (row.resolution as { lines?: { line_id: string; sku: string }[] }).lines ?? [];
    const products = await productsBySku(
      trx,
      actor.storeId,
      wanted.map((w) => w.sku),
    );
    const send = wanted.flatMap((w) => {
      const line = lines.find((l) => l.line_id === w.line_id);
      const units = line ? (line.received_quantity > 0 ? line.received_quantity : line.quantity) : 0;
      if (!line || units <= 0) return [];
      const p = products.get(w.sku);
      return [
        {
          line_id: w.line_id,
          quantity: units,
          sku: w.sku,
          ...(p ? { title: p.title, variant: p.variant } : {}),
        },
      ];
    });
    if (send.length)
      replacementOrderId = await createReplacement(
        trx,
        actor,
        { caseId: id, sourceOrderId: row.order_id, lines: send, dueAmount: settlement.due_from_customer },
        now,
      );
    if (replacementOrderId)
      await trx
        .updateTable('cases')
        .set({ replacement_order_id: replacementOrderId })
        .where('store_id', '=', actor.storeId)
        .where('id', '=', id)
        .execute();
  }
  // refund_id keeps its shape: the first payment's refund; `refunds` in the view lists them all.
  const result = {
    type: resolution,
    ...settlement,
    refund_id: refundIds[0] ?? null,
    replacement_order_id: replacementOrderId,
  };
  // the return resolved and settled, with its result: one statement
  await moveReturn(trx, actor, row, 'completed', {
    type: 'resolved',
    recipient,
    also: [returnUpdate(actor.storeId, id, { result: JSON.stringify(result), completed_at: now })],
    then: [
      {
        store_id: actor.storeId,
        case_id: id,
        type: 'settled',
        actor: actor.label,
        data: {
          refund: settlement.refund,
          store_credit: settlement.store_credit,
          due_from_customer: settlement.due_from_customer,
        },
      },
    ],
  });
}
