// Aggregates for the console's analytics: return rates by dimension, over time, and the health of
// the process (auto-approval share, time to refund, SLA breaches). Orders are taken by placement
// date; returned units are those in returns that were not rejected or canceled.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';

export const DIMENSIONS = ['product', 'category', 'country', 'reason', 'segment', 'supplier'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Period {
  from: Date;
  to: Date;
}

// The dimension's key per order line; `reason` exists only on returned lines.
const KEY: Record<Dimension, ReturnType<typeof sql>> = {
  product: sql`ol.sku`,
  category: sql`coalesce(ol.category, 'uncategorised')`,
  country: sql`o.destination_country`,
  reason: sql`rl.reason`,
  segment: sql`coalesce(seg.segment, 'none')`,
  supplier: sql`coalesce(ol.supplier, 'none')`,
};

// Units sold and units returned are summed in two passes over their own rows, so a line that
// appears in several returns is never counted as sold twice; a case's refund is shared among its
// lines by what each line was decided to be worth.
export async function breakdown(trx: Tx, storeId: string, dimension: Dimension, period: Period) {
  const key = KEY[dimension];
  const segmentJoin =
    dimension === 'segment'
      ? sql`LEFT JOIN LATERAL unnest(CASE WHEN cardinality(o.customer_segments) = 0 THEN ARRAY[NULL::text] ELSE o.customer_segments END) AS seg(segment) ON true`
      : sql``;
  const inPeriod = sql`o.store_id = ${storeId} AND o.placed_at >= ${period.from} AND o.placed_at < ${period.to}`;
  const sold =
    dimension === 'reason'
      ? { rows: [] as { key: string; currency: string; units_sold: number }[] }
      : await sql<{ key: string; currency: string; units_sold: number }>`
          SELECT ${key} AS key, o.currency, sum(ol.quantity)::bigint AS units_sold
          FROM orders o JOIN order_lines ol ON ol.order_id = o.id ${segmentJoin}
          WHERE ${inPeriod} GROUP BY 1, 2`.execute(trx);
  const returned = await sql<{
    key: string;
    currency: string;
    units_returned: number;
    returns: number;
    refunded: number;
  }>`
    WITH case_refund AS (
      SELECT case_id, sum(amount) AS amount FROM refunds
      WHERE store_id = ${storeId} AND status <> 'failed' AND case_id IS NOT NULL GROUP BY case_id
    ),
    case_value AS (
      SELECT case_id, sum(greatest((decision->'refund'->>'total')::bigint, 0)) AS total, count(*) AS lines
      FROM return_lines WHERE store_id = ${storeId} GROUP BY case_id
    )
    SELECT ${key} AS key, o.currency,
      sum(rl.quantity)::bigint AS units_returned,
      count(DISTINCT rl.case_id)::bigint AS returns,
      coalesce(round(sum(CASE
        WHEN cv.total > 0 THEN rf.amount::numeric * greatest((rl.decision->'refund'->>'total')::bigint, 0) / cv.total
        ELSE rf.amount::numeric / cv.lines END)), 0)::bigint AS refunded
    FROM return_lines rl
    JOIN cases c ON c.id = rl.case_id
    JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_id = rl.line_id
    JOIN orders o ON o.id = rl.order_id
    ${segmentJoin}
    LEFT JOIN case_refund rf ON rf.case_id = rl.case_id
    LEFT JOIN case_value cv ON cv.case_id = rl.case_id
    WHERE ${inPeriod} AND rl.store_id = ${storeId} AND c.status NOT IN ('rejected', 'canceled')
    GROUP BY 1, 2`.execute(trx);
  const rows = new Map<
    string,
    {
      key: string;
      currency: string;
      units_sold: number;
      units_returned: number;
      returns: number;
      refunded: number;
    }
  >();
  const at = (k: string, currency: string) => {
    const id = `${currency}|${k}`;
    const found = rows.get(id);
    if (found) return found;
    const row = { key: k, currency, units_sold: 0, units_returned: 0, returns: 0, refunded: 0 };
    rows.set(id, row);
    return row;
  };

  for (const r of sold.rows) at(r.key, r.currency).units_sold = Number(r.units_sold);
  for (const r of returned.rows)
    Object.assign(at(r.key, r.currency), {
      units_returned: Number(r.units_returned),
      returns: Number(r.returns),
      refunded: Number(r.refunded),
    });
  return [...rows.values()]
    .map((r) => ({ ...r, return_rate: r.units_sold > 0 ? r.units_returned / r.units_sold : null }))
    .sort(
      (x, y) =>
        y.units_returned - x.units_returned || y.units_sold - x.units_sold || x.key.localeCompare(y.key),
    );
}

export async function timeseries(
  trx: Tx,
  storeId: string,
  interval: 'day' | 'week' | 'month',
  period: Period,
) {
  const { rows } = await sql<{ period: Date; orders: number; units_sold: number; units_returned: number }>`
    SELECT date_trunc(${interval}, o.placed_at, 'UTC') AS period,
      count(DISTINCT o.id)::bigint AS orders,
      sum(ol.quantity)::bigint AS units_sold,
      coalesce(sum(ret.quantity), 0)::bigint AS units_returned
    FROM orders o
    JOIN order_lines ol ON ol.order_id = o.id
    LEFT JOIN LATERAL (
      SELECT sum(rl.quantity) AS quantity FROM return_lines rl JOIN cases c ON c.id = rl.case_id
      WHERE rl.order_id = ol.order_id AND rl.line_id = ol.line_id AND c.status NOT IN ('rejected', 'canceled')
    ) ret ON true
    WHERE o.store_id = ${storeId} AND o.placed_at >= ${period.from} AND o.placed_at < ${period.to}
    GROUP BY 1 ORDER BY 1`.execute(trx);
  return rows.map((r) => ({
    period: new Date(r.period).toISOString(),
    orders: Number(r.orders),
    units_sold: Number(r.units_sold),
    units_returned: Number(r.units_returned),
    return_rate: Number(r.units_sold) > 0 ? Number(r.units_returned) / Number(r.units_sold) : null,
  }));
}

export async function processHealth(trx: Tx, storeId: string, period: Period) {
  const { rows } = await sql<{
    returns: number;
    auto_approved: number;
    completed: number;
    median_hours_to_refund: number | null;
    review_sla_breached: number;
    refund_overdue: number;
  }>`
    SELECT count(*)::bigint AS returns,
      count(*) FILTER (WHERE r.auto_approved)::bigint AS auto_approved,
      count(*) FILTER (WHERE c.status = 'completed')::bigint AS completed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (p.paid_at - r.requested_at)) / 3600)
        FILTER (WHERE p.paid_at IS NOT NULL) AS median_hours_to_refund,
      count(*) FILTER (WHERE c.status = 'requested' AND c.sla_due_at < now())::bigint AS review_sla_breached,
      count(*) FILTER (WHERE c.status NOT IN ('rejected', 'canceled') AND r.refund_due_at < coalesce(p.paid_at, now()))::bigint AS refund_overdue
    FROM cases c JOIN returns r ON r.case_id = c.id
    -- When the customer had their money: a completed return's last refund that succeeded (a manual
    -- one when finance confirmed it), or its completion when it paid out no refund (store credit,
    -- an even exchange); never while a refund of it has not succeeded.
    LEFT JOIN LATERAL (
      SELECT CASE WHEN c.status = 'completed' AND count(*) FILTER (WHERE f.status <> 'succeeded') = 0
                  THEN coalesce(max(f.updated_at), r.completed_at) END AS paid_at
      FROM refunds f WHERE f.store_id = c.store_id AND f.case_id = c.id
    ) p ON true
    WHERE c.store_id = ${storeId} AND c.kind = 'return' AND c.created_at >= ${period.from} AND c.created_at < ${period.to}`.execute(
    trx,
  );
  const r = rows[0];
  const n = Number(r?.returns ?? 0);
  return {
    returns: n,
    auto_approved_share: n ? Number(r?.auto_approved) / n : null,
    completed: Number(r?.completed ?? 0),
    median_hours_to_refund: r?.median_hours_to_refund == null ? null : Number(r.median_hours_to_refund),
    review_sla_breached: Number(r?.review_sla_breached ?? 0),
    refund_overdue: Number(r?.refund_overdue ?? 0),
  };
}

export async function refundTotals(trx: Tx, storeId: string, period: Period) {
  const { rows } = await sql<{ currency: string; refunds: number; amount: number }>`
    SELECT currency, count(*)::bigint AS refunds, sum(amount)::bigint AS amount FROM refunds
    WHERE store_id = ${storeId} AND status <> 'failed' AND created_at >= ${period.from} AND created_at < ${period.to}
    GROUP BY currency ORDER BY currency`.execute(trx);
  return rows.map((r) => ({ currency: r.currency, refunds: Number(r.refunds), amount: Number(r.amount) }));
}
