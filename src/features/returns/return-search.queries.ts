// The queues and the search box: returns filtered by status, customer, destination, reason,
// segment, period, overdue refunds and assignee, newest first or oldest SLA first.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { type ReturnRow, returnQuery } from './returns.queries.ts';

export interface ReturnFilter {
  status?: string[] | undefined;
  order_id?: string | undefined;
  rma?: string | undefined;
  /** an RMA, an order number, a customer email, a tracking number (outbound or return), or part of
   *  the customer's name (any case, "schmidt" finds Anna Schmidt) */
  q?: string | undefined;
  country?: string | undefined;
  reason?: string | undefined;
  segment?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** refund due in the past and the customer not paid yet (see REFUND_OVERDUE) */
  refund_overdue?: boolean | undefined;
  /** a staff user's id, or null for returns nobody owns */
  assignee?: string | null | undefined;
}

/**
 * A refund is overdue when its due time has passed and the customer still waits for money: the
 * return is not finished, or it is completed but one of its refunds has not succeeded (a manual
 * refund nobody confirmed, one still being sent, or one the provider refused and nobody re-sent).
 * Expects `cases c` and `returns r` in scope.
 */
const REFUND_OVERDUE = sql<boolean>`(r.refund_due_at < now() AND c.status NOT IN ('rejected', 'canceled') AND (
  c.status <> 'completed'
  OR EXISTS (SELECT 1 FROM refunds f WHERE f.store_id = c.store_id AND f.case_id = c.id AND f.status <> 'succeeded')
))`;

export type ReturnSort = 'newest' | 'oldest' | 'sla';

export async function searchReturns(
  trx: Tx,
  storeId: string,
  filter: ReturnFilter,
  page: { limit: number; offset: number; sort: ReturnSort },
): Promise<ReturnRow[]> {
  let q = returnQuery(trx, storeId).innerJoin('orders as o', 'o.id', 'c.order_id');
  if (filter.status?.length) q = q.where('c.status', 'in', filter.status);
  if (filter.order_id) q = q.where('c.order_id', '=', filter.order_id);
  if (filter.rma) q = q.where('c.number', '=', filter.rma.toUpperCase());
  if (filter.country) q = q.where('o.destination_country', '=', filter.country.toUpperCase());
  if (filter.segment) q = q.where(sql<boolean>`${filter.segment} = ANY(o.customer_segments)`);
  if (filter.from) q = q.where('c.created_at', '>=', new Date(filter.from));
  if (filter.to) q = q.where('c.created_at', '<', new Date(filter.to));
  if (filter.refund_overdue) q = q.where(REFUND_OVERDUE);
  if (filter.assignee !== undefined)
    q = q.where('c.assignee_user_id', filter.assignee === null ? 'is' : '=', filter.assignee);
  const reason = filter.reason;
  if (reason)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('return_lines as rl')
          .select('rl.line_id')
          .whereRef('rl.case_id', '=', 'c.id')
          .where('rl.reason', '=', reason),
      ),
    );
  const term = filter.q?.trim();
  if (term)
    q = q.where((eb) =>
      eb.or([
        eb('c.number', '=', term.toUpperCase()),
        eb('o.number', '=', term),
        eb(
          'o.customer_id',
          'in',
          eb
            .selectFrom('customers')
            .select('id')
            .where('store_id', '=', storeId)
            .where((w) =>
              w.or([
                w('email', '=', term.toLowerCase()),
                ...(term.length >= 2
                  ? [w(sql`lower(name)`, 'like', `%${likeEscape(term.toLowerCase())}%`)]
                  : []),
              ]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('return_labels as l')
            .select('l.case_id')
            .whereRef('l.case_id', '=', 'c.id')
            .where('l.tracking_number', '=', term),
        ),
        eb.exists(
          eb
            .selectFrom('fulfillments as f')
            .select('f.order_id')
            .whereRef('f.order_id', '=', 'c.order_id')
            .where('f.tracking_number', '=', term),
        ),
      ]),
    );
  const sorted =
    page.sort === 'sla'
      ? q.orderBy(sql`c.sla_due_at ASC NULLS LAST`).orderBy('c.created_at', 'asc')
      : page.sort === 'oldest'
        ? q.orderBy('c.created_at', 'asc')
        : q.orderBy('c.created_at', 'desc');
  return sorted.orderBy('c.id').limit(page.limit).offset(page.offset).execute();
}

/** How many returns wait in each queue of the console, in one pass. */
export async function queueCounts(trx: Tx, storeId: string) {
  const { rows } = await sql<Record<string, number>>`
    SELECT
      count(*) FILTER (WHERE c.status = 'requested')::bigint AS needs_review,
      count(*) FILTER (WHERE c.status IN ('approved', 'in_transit'))::bigint AS awaiting_parcel,
      count(*) FILTER (WHERE c.status = 'in_transit')::bigint AS to_receive,
      count(*) FILTER (WHERE c.status = 'received')::bigint AS to_inspect,
      count(*) FILTER (WHERE c.status = 'inspected')::bigint AS to_refund,
      count(*) FILTER (WHERE ${REFUND_OVERDUE})::bigint AS refund_overdue
    FROM cases c JOIN returns r ON r.case_id = c.id
    WHERE c.store_id = ${storeId} AND c.kind = 'return'
      AND (c.status NOT IN ('completed', 'rejected', 'canceled') OR ${REFUND_OVERDUE})`.execute(trx);
  const r = rows[0] ?? {};
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    needs_review: n('needs_review'),
    awaiting_parcel: n('awaiting_parcel'),
    to_receive: n('to_receive'),
    to_inspect: n('to_inspect'),
    to_refund: n('to_refund'),
    refund_overdue: n('refund_overdue'),
  };
}

/** `term` matched literally inside a LIKE pattern (its own % and _ are not wildcards). */
function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
