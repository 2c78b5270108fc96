// "What would happen if ...": the engine's decision for an order, without writing anything.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { resolveReason } from '../../domain/policy/custom-reasons.ts';
import { decide } from '../../domain/policy/decide.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { loadDecisionContext } from './decision-context.ts';
import type { EligibilityInput } from './returns.schemas.ts';

export async function checkEligibility(
  trx: Tx,
  storeId: string,
  orderId: string,
  input: EligibilityInput,
  now = new Date(),
  draftPolicy?: Policy,
) {
  const exchange =
    input.resolution?.type === 'exchange'
      ? input.resolution.lines.map((l) => ({ lineId: l.line_id, sku: l.sku }))
      : [];
  const { ctx } = await loadDecisionContext(trx, storeId, orderId, {
    language: input.language,
    exchange,
    // exchange prices convert at the rate of the day decided, as the fees do
    day: (input.at ?? now.toISOString()).slice(0, 10),
    ...(draftPolicy ? { draftPolicy } : {}),
  });
  const unknown = (path: string, code: string) =>
    new AppError('invalid_request', `Unknown return reason "${code}"`, {
      errors: [{ path, message: 'not a reason of this store' }],
    });
  const reason = resolveReason(input.reason, ctx.policy);
  if (!reason) throw unknown('reason', input.reason);
  const lines = input.lines?.map((l, i) => {
    const own = l.reason === undefined ? reason : resolveReason(l.reason, ctx.policy);
    if (!own) throw unknown(`lines.${i}.reason`, l.reason ?? '');
    return { lineId: l.line_id, quantity: l.quantity, opened: l.opened, reason: own.reason };
  });
  const decision = decide(ctx, {
    reason: reason.reason,
    lines,
    method: input.method,
    at: input.at ?? now.toISOString(),
    resolution: input.resolution && {
      type: input.resolution.type,
      lines:
        input.resolution.type === 'exchange'
          ? input.resolution.lines.map((l) => ({ lineId: l.line_id, sku: l.sku }))
          : undefined,
    },
  });
  return {
    order_id: orderId,
    policy_version: decision.policy_version,
    currency: decision.currency,
    lines: decision.lines,
    totals: decision.totals,
    eligible: decision.eligible,
    auto_approve: decision.auto_approve,
    review_reasons: decision.review_reasons,
    ...(decision.store_credit ? { store_credit: decision.store_credit } : {}),
    ...(decision.exchange ? { exchange: decision.exchange } : {}),
  };
}
