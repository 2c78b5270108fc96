// The JSON shape of a return (API.md "Returns"): built for many returns with a fixed number of
// queries, so lists cost the same as one.

import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { DB, Tx } from '../../db/schema.ts';
import { retell } from '../../domain/policy/explain.ts';
import type { Decision, LineDecision } from '../../domain/policy/types.ts';
import { type ReturnRow, returnQuery } from './returns.queries.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** A timestamp as JSON aggregation gives it (PostgreSQL's text with its offset), in ISO 8601 UTC. */
const isoText = (d: string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** What a return's view holds beside its row, as JSON columns of one query on `cases as c`. */
function viewParts(storeId: string) {
  return (eb: ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>) => [
    jsonArrayFrom(
      eb
        .selectFrom('return_lines as rl')
        .innerJoin('order_lines as ol', (j) =>
          j.onRef('ol.order_id', '=', 'rl.order_id').onRef('ol.line_id', '=', 'rl.line_id'),
        )
        .select([
          'rl.line_id',
          'rl.quantity',
          'rl.reason',
          'rl.store_reason',
          'rl.note',
          'rl.opened',
          'rl.received_quantity',
          'rl.decision',
          'rl.grade',
          'rl.checklist',
          'rl.disposition',
          'rl.deduction_amount',
          'rl.deduction_reason',
          'ol.sku',
          'ol.title',
          'ol.variant',
          'ol.category',
        ])
        .where('rl.store_id', '=', storeId)
        .whereRef('rl.case_id', '=', 'c.id')
        .orderBy('ol.position'),
    ).as('view_lines'),
    // the refunds of one resolve share their created_at: listed in the order of the payments
    jsonArrayFrom(
      eb
        .selectFrom('refunds as f')
        .select(['f.id', 'f.amount', 'f.currency', 'f.provider', 'f.provider_reference', 'f.status'])
        .where('f.store_id', '=', storeId)
        .whereRef('f.case_id', '=', 'c.id')
        .orderBy('f.created_at')
        .orderBy(sql`f.payment_position NULLS FIRST`)
        .orderBy('f.id'),
    ).as('view_refunds'),
    jsonObjectFrom(
      eb
        .selectFrom('return_labels as lb')
        .select(['lb.carrier', 'lb.tracking_number', 'lb.created_at'])
        .where('lb.store_id', '=', storeId)
        .whereRef('lb.case_id', '=', 'c.id'),
    ).as('view_label'),
    jsonObjectFrom(
      eb
        .selectFrom('orders as o')
        .innerJoin('customers as cu', 'cu.id', 'o.customer_id')
        .select(['o.number', 'o.destination_country', 'cu.email', 'cu.name'])
        .where('o.store_id', '=', storeId)
        .whereRef('o.id', '=', 'c.order_id'),
    ).as('view_order'),
    jsonObjectFrom(
      eb
        .selectFrom('users as u')
        .select(['u.id', 'u.name', 'u.email'])
        .where('u.store_id', '=', storeId)
        .whereRef('u.id', '=', 'c.assignee_user_id'),
    ).as('view_assignee'),
  ];
}

const viewById = reusable(['storeId', 'id'], (db, p: { storeId: string; id: string }) =>
  returnQuery(db, p.storeId).select(viewParts(p.storeId)).where('c.id', '=', p.id),
);

/** One return's view in one query, or undefined when the store has no such return. */
export async function viewReturnById(trx: Tx, storeId: string, id: string) {
  const row = await viewById.executeTakeFirst(trx, { storeId, id });
  return row ? assembleView(row, row) : undefined;
}

/** The views of returns already read: one query for what they hold, whatever their number. */
export async function returnViews(trx: Tx, storeId: string, rows: ReturnRow[]) {
  if (rows.length === 0) return [];
  const parts = await partsQuery(trx, storeId)
    .where('c.store_id', '=', storeId)
    .where(
      'c.id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(parts.map((p) => [p.id, p]));
  return rows.flatMap((r) => {
    const p = byId.get(r.id);
    return p ? [assembleView(r, p)] : [];
  });
}

function partsQuery(trx: Tx, storeId: string) {
  return trx.selectFrom('cases as c').select('c.id').select(viewParts(storeId));
}
type PartsRow = Awaited<ReturnType<ReturnType<typeof partsQuery>['executeTakeFirstOrThrow']>>;

function assembleView(r: ReturnRow, p: PartsRow) {
  const decision = r.decision as unknown as Decision;
  const order = p.view_order;
  const label = p.view_label;
  const assignee = p.view_assignee;
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
    lines: p.view_lines.map((l) => {
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
    refunds: p.view_refunds.map((f) => ({
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
          created_at: isoText(label.created_at),
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
