// What payment providers tell us by webhook (Stripe, PayPal): refunds, ours or made in their
// dashboards, settled once whichever path reports first; disputes kept in step with their cases.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { decimalToMinor } from '../../domain/currency-digits.ts';
import type { Actor } from '../auth/actor.ts';
import { disputeStep } from '../cases/case-steps.ts';
import { findDisputeByProviderId, getCase, updateCase } from '../cases/cases.queries.ts';
import { createCaseSchema } from '../cases/cases.schemas.ts';
import { createCase } from '../cases/create-case.ts';
import { lockOrder } from '../orders/orders.queries.ts';
import { addRefunded } from '../refunds/refunds.queries.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { type J, lockObject, obj, Unappliable } from './delivery-helpers.ts';

const STRIPE_OUTCOME: Record<string, 'won' | 'lost'> = { won: 'won', lost: 'lost' };

/**
 * A Stripe refund's news: ours (sent by the job, found by its id) moves to how it ended; one made in
 * Stripe's dashboard on a charge of ours is recorded once, as money that already left. Whichever of
 * the job and the webhook reports first, the refund is counted once.
 */
/** A Stripe refund object as the provider-neutral news below takes it. */
function stripeRefund(trx: Tx, actor: Actor, refund: J): Promise<string> {
  const status = String(refund.status ?? '');
  // ours carries our key in its metadata, so it is known even before the job recorded Stripe's id
  const key = String(obj(refund.metadata).aftersale_key ?? '');
  return providerRefund(trx, actor, 'stripe', {
    id: String(refund.id ?? ''),
    status:
      status === 'succeeded'
        ? 'succeeded'
        : status === 'failed' || status === 'canceled'
          ? 'failed'
          : 'pending',
    amount: Number(refund.amount ?? 0),
    refs: [refund.charge, refund.payment_intent].filter((r): r is string => typeof r === 'string'),
    ourId: /^aftersale-refund-([0-9a-f-]{36})-\d+$/.exec(key)?.[1] ?? null,
  });
}

/**
 * A provider's news of a refund: ours (sent by the job, found by our id or the provider's) moves to
 * how it ended, once, whichever of the job and the webhook reports first; one made in the provider's
 * dashboard on a payment of ours is recorded once, as money that already left.
 */
export async function providerRefund(
  trx: Tx,
  actor: Actor,
  provider: string,
  r: {
    id: string;
    status: 'succeeded' | 'pending' | 'failed';
    amount: number;
    refs: string[];
    ourId: string | null;
  },
): Promise<string> {
  const ours = await trx
    .selectFrom('refunds')
    .select(['id', 'order_id', 'amount', 'status', 'case_id'])
    .where('store_id', '=', actor.storeId)
    .where('provider', '=', provider)
    .where((eb) =>
      r.ourId
        ? eb.or([eb('id', '=', r.ourId), eb('provider_reference', '=', r.id)])
        : eb('provider_reference', '=', r.id),
    )
    .forUpdate()
    .executeTakeFirst();
  if (ours) {
    await trx
      .updateTable('refunds')
      .set({ provider_reference: r.id })
      .where('store_id', '=', actor.storeId)
      .where('id', '=', ours.id)
      .execute();
    const to = r.status === 'pending' ? null : r.status;
    if (!to || ours.status === to || ours.status === 'failed') return `refund ${r.id} stays ${ours.status}`;
    // a refund that failed at the provider gives its amount back to what the order can still refund
    if (to === 'failed') await addRefunded(trx, actor.storeId, ours.order_id, -ours.amount);
    await trx
      .updateTable('refunds')
      .set({ status: to, updated_at: new Date() })
      .where('store_id', '=', actor.storeId)
      .where('id', '=', ours.id)
      .execute();
    if (ours.case_id)
      await insertEvent(trx, {
        store_id: actor.storeId,
        case_id: ours.case_id,
        type: `refund_${to}`,
        actor: `provider:${provider}`,
        data: { refund_id: ours.id, reference: r.id, via: 'webhook' },
      });
    return `refund ${r.id} ${to}`;
  }
  if (r.status === 'failed') return `refund ${r.id} failed: not ours`;
  const payment = r.refs.length
    ? await trx
        .selectFrom('payments')
        .select(['order_id'])
        .where('store_id', '=', actor.storeId)
        .where('reference', 'in', r.refs)
        .executeTakeFirst()
    : undefined;
  if (!payment) return `refund ${r.id}: no order paid by ${r.refs.join(' or ')}`;
  const order = await lockOrder(trx, actor.storeId, payment.order_id);
  if (!order) return `refund ${r.id}: the order is gone`;
  const counted = Math.min(r.amount, order.paid_amount - order.refunded_amount);
  if (counted <= 0) return `refund ${r.id}: nothing left to count`;
  const inserted = await trx
    .insertInto('refunds')
    .values({
      store_id: actor.storeId,
      id: randomUUID(),
      order_id: payment.order_id,
      case_id: null,
      amount: counted,
      currency: order.currency,
      provider,
      provider_reference: r.id,
      status: 'succeeded',
      idempotency_key: `${provider}-refund:${r.id}`,
      breakdown: JSON.stringify({ outside: counted, total: counted }),
      payment_position: null,
    })
    .onConflict((oc) => oc.columns(['store_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return `refund ${r.id} was recorded before`;
  await addRefunded(trx, actor.storeId, payment.order_id, counted);
  return `recorded a refund made in ${provider} of ${counted}`;
}

export async function applyStripe(trx: Tx, actor: Actor, d: { topic: string; body: J }) {
  const object = obj(obj(d.body.data).object);
  if (d.topic === 'refund.updated' || d.topic === 'refund.created') return stripeRefund(trx, actor, object);
  if (d.topic === 'charge.refunded') {
    const list = obj(object.refunds).data;
    const outcomes = [];
    for (const r of Array.isArray(list) ? list.map(obj) : [])
      outcomes.push(
        await stripeRefund(trx, actor, {
          ...r,
          charge: r.charge ?? object.id,
          payment_intent: r.payment_intent ?? object.payment_intent,
        }),
      );
    return outcomes.join('; ') || 'no refunds listed';
  }
  if (!d.topic.startsWith('charge.dispute.')) return `ignored event ${d.topic}`;
  const dispute = obj(obj(d.body.data).object);
  const due = obj(dispute.evidence_details).due_by;
  return followDispute(trx, actor, {
    provider: 'stripe',
    disputeId: String(dispute.id ?? ''),
    refs: [dispute.charge, dispute.payment_intent].filter((r): r is string => typeof r === 'string'),
    amount: Number(dispute.amount ?? 0),
    currency: String(dispute.currency ?? '').toUpperCase(),
    reason: String(dispute.reason ?? 'general'),
    evidenceDueBy: typeof due === 'number' ? new Date(due * 1000).toISOString() : null,
    providerStatus: String(dispute.status ?? ''),
    created: d.topic === 'charge.dispute.created',
    verdict: d.topic === 'charge.dispute.closed' ? (STRIPE_OUTCOME[String(dispute.status)] ?? null) : null,
  });
}

/**
 * A payment provider's dispute kept in step with its case: opened once (found by the payment the
 * dispute is about), its status and due date updated, and on the provider's verdict moved to won or
 * lost (a lost one is recorded as a chargeback, never paid again).
 */
async function followDispute(
  trx: Tx,
  actor: Actor,
  x: {
    provider: string;
    disputeId: string;
    refs: string[];
    amount: number;
    currency: string;
    reason: string;
    evidenceDueBy: string | null;
    providerStatus: string;
    created: boolean;
    verdict: 'won' | 'lost' | null;
  },
): Promise<string> {
  await lockObject(trx, actor.storeId, x.provider, x.disputeId);
  if (!(await findDisputeByProviderId(trx, actor.storeId, x.provider, x.disputeId))) {
    const payment = x.refs.length
      ? await trx
          .selectFrom('payments')
          .select(['order_id'])
          .where('store_id', '=', actor.storeId)
          .where('reference', 'in', x.refs)
          .executeTakeFirst()
      : undefined;
    if (!payment) throw new Unappliable(`no order paid by ${x.refs.join(' or ') || 'an unknown payment'}`);
    await createCase(
      trx,
      actor,
      createCaseSchema.parse({
        kind: 'dispute',
        order_id: payment.order_id,
        data: {
          provider: x.provider,
          provider_dispute_id: x.disputeId,
          amount: x.amount,
          currency: x.currency,
          reason: x.reason,
          evidence_due_by: x.evidenceDueBy,
        },
      }),
    );
    if (x.created) return `opened a dispute case for ${x.disputeId}`;
  }
  const found = await findDisputeByProviderId(trx, actor.storeId, x.provider, x.disputeId);
  const row = found && (await getCase(trx, actor.storeId, found.id));
  if (!row) return 'no case';
  const data = {
    ...((row.data ?? {}) as J),
    provider_status: x.providerStatus,
    evidence_due_by: x.evidenceDueBy,
  };
  await updateCase(trx, actor.storeId, row.id, { data });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: row.id,
    type: 'provider_update',
    actor: actor.label,
    data: { status: x.providerStatus, provider: x.provider },
  });
  if (x.verdict && (row.status === 'open' || row.status === 'submitted')) {
    const who = x.provider === 'stripe' ? 'Stripe' : 'PayPal';
    if (row.status === 'open')
      await disputeStep(trx, actor, row.id, { status: 'submitted', note: `closed by ${who}` });
    await disputeStep(trx, actor, row.id, { status: x.verdict, note: `${who}: ${x.verdict}` });
    return `dispute ${x.disputeId} ${x.verdict}`;
  }
  return `dispute ${x.disputeId} now ${x.providerStatus}`;
}

// PayPal's outcome codes (customer_disputes_v1 dispute_outcome.outcome_code): what the store won or lost
const PAYPAL_OUTCOME: Record<string, 'won' | 'lost'> = {
  RESOLVED_SELLER_FAVOUR: 'won',
  CANCELED_BY_BUYER: 'won',
  DENIED: 'won',
  RESOLVED_BUYER_FAVOUR: 'lost',
  RESOLVED_WITH_PAYOUT: 'lost',
  ACCEPTED: 'lost',
};

export async function applyPayPal(trx: Tx, actor: Actor, d: { topic: string; body: J }) {
  const r = obj(d.body.resource);
  if (d.topic.startsWith('CUSTOMER.DISPUTE.')) {
    const amount = obj(r.dispute_amount);
    const currency = String(amount.currency_code ?? '').toUpperCase();
    const transactions = (Array.isArray(r.disputed_transactions) ? r.disputed_transactions : []).map(obj);
    const outcome = String(obj(r.dispute_outcome).outcome_code ?? '');
    return followDispute(trx, actor, {
      provider: 'paypal',
      disputeId: String(r.dispute_id ?? ''),
      refs: transactions
        .map((t) => t.seller_transaction_id)
        .filter((t): t is string => typeof t === 'string'),
      amount: /^[A-Z]{3}$/.test(currency) ? (decimalToMinor(String(amount.value ?? '0'), currency) ?? 0) : 0,
      currency,
      reason: String(r.reason ?? 'OTHER').toLowerCase(),
      evidenceDueBy:
        typeof r.seller_response_due_date === 'string'
          ? new Date(r.seller_response_due_date).toISOString()
          : null,
      providerStatus: String(r.status ?? ''),
      created: d.topic === 'CUSTOMER.DISPUTE.CREATED',
      verdict: d.topic === 'CUSTOMER.DISPUTE.RESOLVED' ? (PAYPAL_OUTCOME[outcome] ?? null) : null,
    });
  }
  if (d.topic === 'PAYMENT.CAPTURE.REFUNDED') {
    // the refund's "up" link names the capture it went back to
    const up = (Array.isArray(r.links) ? r.links : []).map(obj).find((l) => l.rel === 'up');
    const capture = typeof up?.href === 'string' ? up.href.split('/').pop() : undefined;
    const amount = obj(r.amount);
    const currency = String(amount.currency_code ?? '').toUpperCase();
    return providerRefund(trx, actor, 'paypal', {
      id: String(r.id ?? ''),
      status: r.status === 'COMPLETED' ? 'succeeded' : r.status === 'PENDING' ? 'pending' : 'failed',
      amount: /^[A-Z]{3}$/.test(currency) ? (decimalToMinor(String(amount.value ?? '0'), currency) ?? 0) : 0,
      refs: capture ? [capture] : [],
      ourId: /^aftersale-refund-([0-9a-f-]{36})-\d+$/.exec(String(r.custom_id ?? ''))?.[1] ?? null,
    });
  }
  return `ignored event ${d.topic}`;
}
