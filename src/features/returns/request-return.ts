// A customer (or an agent for them) asks to return lines of an order. The engine decides each line;
// routine requests are approved on the spot, the rest wait for a person with an SLA clock. The case,
// its lines and its first events are written in one transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { type ResolvedReason, resolveReason } from '../../domain/policy/custom-reasons.ts';
import { decide } from '../../domain/policy/decide.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { refundDueAt, reviewSlaDueAt } from '../../domain/policy/refund-clock.ts';
import type { Decision, DecisionRequest } from '../../domain/policy/types.ts';
import { formatRma } from '../../domain/returns/rma.ts';
import type { Actor } from '../auth/actor.ts';
import { loadDecisionContext } from './decision-context.ts';
import { insertEvent, returnInserts, returnUpdate } from './returns.queries.ts';
import type { CreateReturnInput } from './returns.schemas.ts';
import { moveReturn } from './transition.ts';

/** The request's reasons as the engine knows them; a code the store does not know is refused. */
export function resolveReasons(input: CreateReturnInput, policy: Policy): ResolvedReason[] {
  const errors: { path: string; message: string }[] = [];
  const resolved = input.lines.map((l, i) => {
    const r = resolveReason(l.reason, policy);
    if (!r) errors.push({ path: `lines.${i}.reason`, message: `unknown reason "${l.reason}"` });
    return r ?? { reason: 'other' as const, store_reason: null };
  });
  if (errors.length) throw new AppError('invalid_request', 'Unknown return reason', { errors });
  return resolved;
}

export function toDecisionRequest(
  input: CreateReturnInput,
  at: string,
  reasons: ResolvedReason[],
): DecisionRequest {
  return {
    reason: reasons[0]?.reason ?? 'changed_mind',
    lines: input.lines.map((l, i) => ({
      lineId: l.line_id,
      quantity: l.quantity,
      opened: l.opened,
      reason: reasons[i]?.reason ?? 'changed_mind',
    })),
    method: input.method,
    at,
    resolution: {
      type: input.resolution.type,
      lines:
        input.resolution.type === 'exchange'
          ? input.resolution.lines.map((l) => ({ lineId: l.line_id, sku: l.sku }))
          : undefined,
    },
  };
}

/** The refusal the customer sees: each ineligible line with the reasons, in their language. */
export function notEligible(decision: Decision): AppError {
  const lines = decision.lines.filter((l) => !l.eligible);
  return new AppError('not_eligible', 'One or more lines cannot be returned', {
    explanations: lines.flatMap((l) => l.explanations.map((e) => ({ line_id: l.line_id, ...e }))),
    lines: lines.map((l) => ({ line_id: l.line_id, explanations: l.explanations })),
  });
}

/** Candidate RMA numbers (40 random bits each), checked with the order's read: the first free one is taken. */
const RMA_CANDIDATES = 5;
function rmaCandidates(): string[] {
  return Array.from({ length: RMA_CANDIDATES }, () => formatRma(randomBytes(5)));
}

function freeRma(candidates: string[], taken: string[]): string {
  const rma = candidates.find((c) => !taken.includes(c));
  if (!rma) throw new AppError('internal', 'Could not find a free RMA number');
  return rma;
}

export async function requestReturn(
  trx: Tx,
  actor: Actor,
  input: CreateReturnInput,
  now = new Date(),
): Promise<string> {
  const exchange =
    input.resolution.type === 'exchange'
      ? input.resolution.lines.map((l) => ({ lineId: l.line_id, sku: l.sku }))
      : [];
  // The order row lock serialises requests on one order, so two cannot both take the last unit.
  const candidates = rmaCandidates();
  const { stored, ctx, store, takenNumbers } = await loadDecisionContext(trx, actor.storeId, input.order_id, {
    lock: true,
    numbers: candidates,
    language: input.language,
    exchange,
    day: now.toISOString().slice(0, 10),
  });
  const at = now.toISOString();
  const reasons = resolveReasons(input, ctx.policy);
  const decision = decide(ctx, toDecisionRequest(input, at, reasons));
  if (!decision.eligible) throw notEligible(decision);
  const type = input.resolution.type;
  const refused = decision.lines.filter((l) =>
    type === 'keep_item' ? !l.keep_item : !l.resolutions.includes(type),
  );
  if (refused.length)
    throw new AppError(
      'not_eligible',
      `The resolution "${type}" is not offered for line(s) ${refused.map((l) => l.line_id).join(', ')}`,
      {
        explanations: [],
        errors: [{ path: 'resolution.type', message: `not offered: ${type}` }],
      },
    );
  if (type !== 'keep_item' && input.method !== 'none' && !ctx.policy.return_methods.includes(input.method))
    throw new AppError(
      'invalid_request',
      `The return method "${input.method}" is not offered by this store`,
      {
        errors: [{ path: 'method', message: `offered: ${ctx.policy.return_methods.join(', ')}` }],
      },
    );
  if (input.method === 'none' && type !== 'keep_item')
    throw new AppError('invalid_request', 'Only a keep-the-item return goes without a return method', {
      errors: [{ path: 'method', message: 'none is only for keep_item' }],
    });

  const id = randomUUID();
  const rma = freeRma(candidates, takenNumbers);
  const caseRow = {
    store_id: actor.storeId,
    id,
    kind: 'return',
    number: rma,
    status: 'requested',
    order_id: input.order_id,
    customer_id: stored.customer_id,
    sla_due_at: reviewSlaDueAt(at, ctx.policy),
    created_at: now,
    updated_at: now,
  };
  const byLine = new Map(decision.lines.map((d) => [d.line_id, d]));
  const inserts = returnInserts(
    caseRow,
    {
      store_id: actor.storeId,
      case_id: id,
      method: type === 'keep_item' ? 'none' : input.method,
      resolution: JSON.stringify(input.resolution),
      policy_version: decision.policy_version,
      decision: JSON.stringify(decision),
      refund: JSON.stringify(decision.totals),
      auto_approved: decision.auto_approve,
      refund_due_at: refundDueAt({
        destination: stored.order.shipping_address.country,
        requestedAt: at,
        receivedAt: null,
        inspectedAt: null,
        storeTimeZone: store.time_zone,
        policy: ctx.policy,
      }),
      requested_at: now,
    },
    input.lines.map((l, i) => ({
      store_id: actor.storeId,
      case_id: id,
      order_id: input.order_id,
      line_id: l.line_id,
      quantity: l.quantity,
      reason: reasons[i]?.reason ?? 'other',
      store_reason: reasons[i]?.store_reason ?? null,
      note: l.note,
      opened: l.opened,
      decision: JSON.stringify(byLine.get(l.line_id)),
    })),
  );
  // the case, its return and lines, and the event that records them: one statement
  await insertEvent(
    trx,
    {
      store_id: actor.storeId,
      case_id: id,
      type: 'requested',
      to: 'requested',
      actor: actor.label,
      data: {
        rma,
        resolution: type,
        method: input.method,
        auto_approved: decision.auto_approve,
        lines: input.lines.map((l) => ({ line_id: l.line_id, quantity: l.quantity, reason: l.reason })),
      },
    },
    inserts,
  );
  if (decision.auto_approve)
    // Approved on the spot, through the same guarded step a person would take (the case was
    // written by this transaction, so no one else can hold it: nothing to lock or read back).
    await moveReturn(
      trx,
      { ...actor, label: 'system:auto_approve' },
      { id, status: 'requested', resolution: input.resolution },
      'approved',
      { also: [returnUpdate(actor.storeId, id, { approved_at: now })] },
    );
  else
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: id,
      type: 'queued_for_review',
      actor: 'system',
      data: { reasons: decision.review_reasons.map((r) => ({ code: r.code, params: r.params })) },
    });
  return id;
}
