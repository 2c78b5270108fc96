// A case as the API and the console show it: its order and customer, lines, kind data, money, the
// replacement it made, the offer waiting for the customer, and what the caller's role may do next
// (the console shows exactly these actions; the server refuses anything else).
import type { Tx } from '../../db/schema.ts';
import { type CaseKind, type CaseStatus, isFinalCaseStatus, KINDS } from '../../domain/cases/kinds.ts';
import { AppError } from '../../domain/errors.ts';
import { can, type Role } from '../../domain/roles.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getRefundsForCases } from '../returns/returns.queries.ts';
import { fullRefund, goodwillLimit, refundable } from './case-amounts.ts';
import { loadCaseContext } from './case-context.ts';
import { type CaseRow, getCase, getCaseLines } from './cases.queries.ts';
import { getReplacement, replacementView } from './replacements.ts';

function allowedFor(row: CaseRow, role: Role | 'customer', hasOffer: boolean) {
  const kind = row.kind as CaseKind;
  const status = row.status as CaseStatus;
  const spec = KINDS[kind];
  const works = role !== 'customer' && can(role, 'cases.resolve');
  const resolvable = spec.resolvableFrom.includes(status);
  return {
    moves: works
      ? (spec.moves[status] ?? []).filter(
          (s) => s === 'open' || s === 'waiting_customer' || s === 'waiting_carrier',
        )
      : [],
    resolutions: works && resolvable ? [...spec.resolutions] : [],
    can_offer:
      works && resolvable && kind !== 'dispute' && kind !== 'cancellation' && kind !== 'address_change',
    can_intercept: works && kind === 'address_change' && (status === 'open' || status === 'waiting_carrier'),
    can_convert_to_return:
      works && kind === 'item_problem' && resolvable && role !== 'finance' && can(role, 'returns.create'),
    dispute_steps: works && kind === 'dispute' ? (spec.moves[status] ?? []) : [],
    can_accept_offer: role === 'customer' && hasOffer && status === 'waiting_customer',
  };
}

export async function caseView(
  trx: Tx,
  storeId: string,
  id: string,
  role: Role | 'customer' = 'read_only',
  now = new Date(),
) {
  const row = await getCase(trx, storeId, id);
  if (!row) throw new AppError('not_found', 'Case not found');
  const ctx = await loadCaseContext(trx, storeId, row.order_id, { lock: false });
  const [lines, refunds, replacement] = await Promise.all([
    getCaseLines(trx, storeId, [id]),
    getRefundsForCases(trx, storeId, [id]),
    row.replacement_order_id ? getReplacement(trx, storeId, row.replacement_order_id) : undefined,
  ]);
  const order = ctx.stored.order;
  const data = { ...((row.data ?? {}) as Record<string, unknown>) };
  const explanations = (data.explanations as unknown[]) ?? [];
  delete data.explanations;
  const kind = row.kind as CaseKind;
  const final = isFinalCaseStatus(row.status);
  // a closed case's amount is history (its units are settled now): only a working case shows one
  const full = final ? null : fullRefund(ctx, kind, lines, data);
  const resolution = (row.resolution ?? null) as Record<string, unknown> | null;
  const actor = { storeId, role, label: '' };
  return {
    id: row.id,
    number: row.number,
    kind,
    status: row.status,
    order_id: row.order_id,
    order_number: order.number,
    currency: order.currency,
    customer: {
      id: ctx.stored.customer_id,
      name: order.customer.name,
      email: order.customer.email,
      language: order.customer.language,
    },
    shipping_address: order.shipping_address,
    lines: lines.map((l) => {
      const line = order.lines.find((x) => x.id === l.line_id);
      return {
        line_id: l.line_id,
        quantity: l.quantity,
        sku: l.sku,
        title: l.title,
        variant: l.variant,
        unit_amount: line ? line.unit_price : 0,
      };
    }),
    data,
    explanations,
    sla_due_at: row.sla_due_at?.toISOString() ?? null,
    assignee_user_id: row.assignee_user_id,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    closed_at: row.closed_at?.toISOString() ?? null,
    resolution,
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      currency: r.currency,
      provider: r.provider,
      status: r.status,
      created_at: r.created_at.toISOString(),
    })),
    replacement_order_id: row.replacement_order_id,
    replacement: replacement ? replacementView(replacement) : null,
    return_id: (resolution?.return_id as string | undefined) ?? null,
    offer: row.offer ?? null,
    amounts: {
      full_refund: full,
      refundable: refundable(ctx),
      goodwill_limit:
        role === 'customer' || final
          ? null
          : goodwillLimit(ctx, actor, await loadRateTable(trx, storeId), now.toISOString().slice(0, 10)),
    },
    allowed: allowedFor(row, role, row.offer !== null),
  };
}
export type CaseView = Awaited<ReturnType<typeof caseView>>;
