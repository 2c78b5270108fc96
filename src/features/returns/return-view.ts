// The JSON shape of a return (API.md "Returns"): built for many returns with a fixed number of
// queries, so lists cost the same as one.

import type { Tx } from '../../db/schema.ts';
import { retell } from '../../domain/policy/explain.ts';
import type { Decision, LineDecision } from '../../domain/policy/types.ts';
import { staffByIds } from '../auth/users.queries.ts';
import {
  getLabels,
  getRefundsForCases,
  getReturnLines,
  orderSummaries,
  type ReturnRow,
} from './returns.queries.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function returnViews(trx: Tx, storeId: string, rows: ReturnRow[]) {
  const ids = rows.map((r) => r.id);
  const assigneeIds = [...new Set(rows.flatMap((r) => (r.assignee_user_id ? [r.assignee_user_id] : [])))];
  const [lines, refunds, labels, orders, staff] = await Promise.all([
    getReturnLines(trx, storeId, ids),
    getRefundsForCases(trx, storeId, ids),
    getLabels(trx, storeId, ids),
    orderSummaries(
      trx,
      storeId,
      rows.map((r) => r.order_id),
    ),
    staffByIds(trx, storeId, assigneeIds),
  ]);
  return rows.map((r) => {
    const decision = r.decision as unknown as Decision;
    const order = orders.find((o) => o.id === r.order_id);
    const label = labels.find((l) => l.case_id === r.id);
    const assignee = staff.find((u) => u.id === r.assignee_user_id);
    return {
      id: r.id,
      rma: r.number,
      status: r.status,
      order_id: r.order_id,
      order_number: order?.number ?? null,
      customer: {
        id: r.customer_id,
        email: order?.email ?? null,
        name: order?.name ?? null,
        country: order?.destination_country ?? null,
      },
      assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null,
      method: r.method,
      resolution: r.resolution,
      currency: decision.currency,
      policy_version: r.policy_version,
      auto_approved: r.auto_approved,
      review_reasons: decision.review_reasons,
      lines: lines
        .filter((l) => l.case_id === r.id)
        .map((l) => {
          const d = l.decision as unknown as LineDecision;
          return {
            ...d,
            line_id: l.line_id,
            sku: l.sku,
            title: l.title,
            variant: l.variant,
            category: l.category,
            quantity: l.quantity,
            reason: l.reason,
            store_reason: l.store_reason,
            note: l.note,
            opened: l.opened,
            received_quantity: l.received_quantity,
            inspection: l.grade
              ? {
                  grade: l.grade,
                  checklist: l.checklist,
                  disposition: l.disposition,
                  deduction: { amount: l.deduction_amount, reason: l.deduction_reason ?? '' },
                }
              : null,
          };
        }),
      refund: decision.totals,
      store_credit: decision.store_credit ?? null,
      exchange: decision.exchange ?? null,
      result: r.result ?? null,
      replacement_order_id: r.replacement_order_id ?? null,
      refunds: refunds
        .filter((f) => f.case_id === r.id)
        .map((f) => ({
          id: f.id,
          amount: f.amount,
          currency: f.currency,
          provider: f.provider,
          status: f.status,
          reference: f.provider_reference,
        })),
      label: label
        ? {
            carrier: label.carrier,
            tracking_number: label.tracking_number,
            created_at: iso(label.created_at),
          }
        : null,
      rejection: r.reject_reason ? { reason_code: r.reject_reason, message: r.reject_message ?? '' } : null,
      sla_due_at: iso(r.sla_due_at),
      refund_due_at: iso(r.refund_due_at),
      requested_at: iso(r.requested_at),
      approved_at: iso(r.approved_at),
      received_at: iso(r.received_at),
      inspected_at: iso(r.inspected_at),
      completed_at: iso(r.completed_at),
      created_at: iso(r.created_at),
      updated_at: iso(r.updated_at),
    };
  });
}
export type ReturnView = Awaited<ReturnType<typeof returnViews>>[number];

/** The view with every explanation told again in `language` (the console's), dates in `timeZone`. */
export function retoldView(view: ReturnView, language: string, timeZone: string): ReturnView {
  const opts = { language, currency: view.currency, timeZone };
  return {
    ...view,
    review_reasons: view.review_reasons.map((e) => retell(e, opts)),
    lines: view.lines.map((l) => ({ ...l, explanations: l.explanations.map((e) => retell(e, opts)) })),
  };
}
