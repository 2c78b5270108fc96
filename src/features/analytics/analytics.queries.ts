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

/** The store's orders placed in the period, as `alias` */
const inPeriod = (alias: string, storeId: string, period: Period) =>
  sql`${sql.ref(`${alias}.store_id`)} = ${storeId} AND ${sql.ref(`${alias}.placed_at`)} >= ${period.from} AND ${sql.ref(`${alias}.placed_at`)} < ${period.to}`;

// The dimension's key per order line; `reason` exists only on returned lines.
const KEY: Record<Dimension, ReturnType<typeof sql>> = {
  product: sql`ol.sku`,
  category: sql`coalesce(ol.category, 'uncategorised')`,
  country: sql`o.destination_country`,
  reason: sql`rl.reason`,
  segment: sql`coalesce(seg.segment, 'none')`,
  supplier: sql`coalesce(ol.supplier, 'none')`,
};

/** The return lines of a refused return (rejected, canceled), which count as nothing returned: an
 *  anti-join against the small partial index `cases_refused`, cheaper than joining every case. */
export const notRefused = (caseId: string) =>
  sql`NOT EXISTS (SELECT 1 FROM cases rc WHERE rc.id = ${sql.ref(caseId)} AND rc.status IN ('rejected', 'canceled'))`;

// The returned lines' dimension key. A line's order line is joined only for the keys that live there
// (its order line always exists: return_lines references order_lines).
const RETURNED_KEY: Record<Dimension, ReturnType<typeof sql>> = {
  product: sql`ol.sku`,
  category: sql`coalesce(ol.category, 'uncategorised')`,
  country: sql`o.destination_country`,
  reason: sql`rl.reason`,
  // unnested after the per-case windows: a case counts once per segment of its order
  segment: sql`NULL::text`,
  supplier: sql`coalesce(ol.supplier, 'none')`,
};
const NEEDS_ORDER_LINE: Record<Dimension, boolean> = {
  product: true,
  category: true,
  country: false,
  reason: false,
  segment: false,
  supplier: true,
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
  // One pass over the period's returned lines, only the columns the key needs. A case's value and
  // line count are windows over its own lines (all on this order); the same sort gives each case's
  // first line per key, so a case is counted once per key without a DISTINCT (a second sort).
  // Sold and returned are independent: asked at once, on two connections of the pool.
  const segment = dimension === 'segment';
  const [sold, returned] = await Promise.all([
    dimension === 'reason'
      ? { rows: [] as { key: string; currency: string; units_sold: number }[] }
      : sql<{ key: string; currency: string; units_sold: number }>`
          SELECT ${key} AS key, o.currency, sum(ol.quantity)::bigint AS units_sold
          FROM orders o JOIN order_lines ol ON ol.order_id = o.id ${segmentJoin}
          WHERE ${inPeriod('o', storeId, period)} GROUP BY 1, 2`.execute(trx),
    sql<{
      key: string;
      currency: string;
      units_returned: number;
      returns: number;
      refunded: number;
    }>`
    SELECT ${segment ? sql`coalesce(seg.segment, 'none')` : sql`x.key`} AS key, x.currency,
      sum(x.quantity)::bigint AS units_returned,
      count(*) FILTER (WHERE x.first)::bigint AS returns,
      coalesce(round(sum(CASE
        WHEN x.case_total > 0 THEN x.refund::numeric * x.value / x.case_total
        ELSE x.refund::numeric / x.case_lines END)), 0)::bigint AS refunded
    FROM (
      SELECT y.key, y.currency, y.quantity, y.refund, y.value${segment ? sql`, y.customer_segments` : sql``},
        sum(y.value) OVER per_case AS case_total,
        count(*) OVER per_case AS case_lines,
        row_number() OVER (PARTITION BY y.case_id, y.key) = 1 AS first
      FROM (
        SELECT ${RETURNED_KEY[dimension]} AS key, o.currency${segment ? sql`, o.customer_segments` : sql``},
          rl.quantity, rl.case_id, rf.amount AS refund,
          greatest((rl.decision->'refund'->>'total')::bigint, 0) AS value
        FROM orders o
        JOIN return_lines rl ON rl.order_id = o.id
        ${NEEDS_ORDER_LINE[dimension] ? sql`JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_id = rl.line_id` : sql``}
        LEFT JOIN (
          SELECT f.case_id, sum(f.amount) AS amount FROM refunds f JOIN orders fo ON fo.id = f.order_id
          WHERE ${inPeriod('fo', storeId, period)} AND f.store_id = ${storeId} AND f.status <> 'failed'
            AND f.case_id IS NOT NULL
          GROUP BY 1
        ) rf ON rf.case_id = rl.case_id
        WHERE ${inPeriod('o', storeId, period)} AND rl.store_id = ${storeId} AND ${notRefused('rl.case_id')}
      ) y
      WINDOW per_case AS (PARTITION BY y.case_id)
    ) x
    ${segment ? sql`LEFT JOIN LATERAL unnest(CASE WHEN cardinality(x.customer_segments) = 0 THEN ARRAY[NULL::text] ELSE x.customer_segments END) AS seg(segment) ON true` : sql``}
    GROUP BY 1, 2`.execute(trx),
  ]);
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

// Units are summed per order first (sold from its lines, returned from its return lines, refused
// returns left out), then per period: the period's orders are joined once to each sum, not each
// order line to a sum per line (a year holds ~80,000 order lines).
export async function timeseries(
  trx: Tx,
  storeId: string,
  interval: 'day' | 'week' | 'month',
  period: Period,
) {
  const { rows } = await sql<{ period: Date; orders: number; units_sold: number; units_returned: number }>`
    SELECT date_trunc(${interval}, o.placed_at, 'UTC') AS period,
      count(*)::bigint AS orders,
      sum(sold.quantity)::bigint AS units_sold,
      coalesce(sum(ret.quantity), 0)::bigint AS units_returned
    FROM orders o
    JOIN (
      SELECT ol.order_id, sum(ol.quantity) AS quantity
      FROM order_lines ol JOIN orders so ON so.id = ol.order_id
      WHERE ${inPeriod('so', storeId, period)}
      GROUP BY 1
    ) sold ON sold.order_id = o.id
    LEFT JOIN (
      SELECT rl.order_id, sum(rl.quantity) AS quantity
      FROM return_lines rl JOIN orders ro ON ro.id = rl.order_id
      WHERE ${inPeriod('ro', storeId, period)} AND rl.store_id = ${storeId} AND ${notRefused('rl.case_id')}
      GROUP BY 1
    ) ret ON ret.order_id = o.id
    WHERE ${inPeriod('o', storeId, period)}
    GROUP BY 1 ORDER BY 1`.execute(trx);
  return rows.map((r) => ({
    period: new Date(r.period).toISOString(),
    orders: Number(r.orders),
    units_sold: Number(r.units_sold),
    units_returned: Number(r.units_returned),
    return_rate: Number(r.units_sold) > 0 ? Number(r.units_returned) / Number(r.units_sold) : null,
  }));
}

/** The store's returns opened in the period, as `alias` */
const returnsOpened = (alias: string, storeId: string, period: Period) =>
  sql`${sql.ref(`${alias}.store_id`)} = ${storeId} AND ${sql.ref(`${alias}.kind`)} = 'return' AND ${sql.ref(`${alias}.created_at`)} >= ${period.from} AND ${sql.ref(`${alias}.created_at`)} < ${period.to}`;

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
    -- (The period's refunds are summed per case in one hashed pass, not looked up case by case.)
    LEFT JOIN (
      SELECT f.case_id, count(*) FILTER (WHERE f.status <> 'succeeded') AS unpaid, max(f.updated_at) AS last
      FROM refunds f JOIN cases fc ON fc.id = f.case_id
      WHERE f.store_id = ${storeId} AND ${returnsOpened('fc', storeId, period)}
      GROUP BY 1
    ) f ON f.case_id = c.id
    CROSS JOIN LATERAL (
      SELECT CASE WHEN c.status = 'completed' AND coalesce(f.unpaid, 0) = 0
                  THEN coalesce(f.last, r.completed_at) END AS paid_at
    ) p
    WHERE ${returnsOpened('c', storeId, period)}`.execute(trx);
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
