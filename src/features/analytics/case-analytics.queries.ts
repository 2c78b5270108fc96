// Analytics of cases other than returns: how many of each kind and reason, what they cost (refunds,
// goodwill, replacements sent), how long they took, by carrier, route (origin to destination),
// product and supplier; and the lost-parcel rate per carrier and route. Cases are taken by the
// date they were opened; a case with several lines shares its money equally among them when the
// dimension is per line (product, supplier).
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import type { Period } from './analytics.queries.ts';

export const CASE_DIMENSIONS = ['kind', 'reason', 'carrier', 'route', 'product', 'supplier'] as const;
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];

// the fulfillment a case is about (lost, late), else the order's first one
const FULFILLMENT = sql`LEFT JOIN LATERAL (
  SELECT f.carrier, f.origin_country FROM fulfillments f
  WHERE f.order_id = o.id AND (c.data->>'fulfillment_id' IS NULL OR f.fulfillment_id = c.data->>'fulfillment_id')
  ORDER BY f.shipped_at NULLS LAST LIMIT 1) fu ON true`;

const KEY: Record<CaseDimension, ReturnType<typeof sql>> = {
  kind: sql`c.kind`,
  reason: sql`coalesce(c.data->>'reason', c.kind)`,
  carrier: sql`coalesce(fu.carrier, 'unknown')`,
  route: sql`coalesce(fu.origin_country, '??') || '-' || o.destination_country`,
  product: sql`coalesce(ol.sku, 'whole order')`,
  supplier: sql`coalesce(ol.supplier, 'none')`,
};

export interface CaseBreakdownRow {
  key: string;
  currency: string;
  cases: number;
  resolved: number;
  refunded: number;
  goodwill: number;
  replacements: number;
  replacement_cost: number;
  hours_to_resolution: number | null;
}

export async function caseBreakdown(
  trx: Tx,
  storeId: string,
  dimension: CaseDimension,
  period: Period,
): Promise<CaseBreakdownRow[]> {
  const perLine = dimension === 'product' || dimension === 'supplier';
  const lines = perLine
    ? sql`LEFT JOIN case_lines cl ON cl.case_id = c.id
          LEFT JOIN order_lines ol ON ol.order_id = cl.order_id AND ol.line_id = cl.line_id`
    : sql``;
  const share = perLine
    ? sql`1.0 / greatest((SELECT count(*) FROM case_lines x WHERE x.case_id = c.id), 1)`
    : sql`1.0`;
  const result = await sql<{
    key: string;
    currency: string;
    cases: string;
    resolved: string;
    refunded: string;
    goodwill: string;
    replacements: string;
    replacement_cost: string;
    hours: string | null;
  }>`
    WITH money AS (
      SELECT case_id, sum(amount) AS amount FROM refunds
      WHERE store_id = ${storeId} AND status <> 'failed' AND case_id IS NOT NULL GROUP BY case_id
    )
    SELECT ${KEY[dimension]} AS key, o.currency,
      round(sum(${share}), 2) AS cases,
      round(sum(${share}) FILTER (WHERE c.status IN ('resolved', 'closed', 'won', 'lost')), 2) AS resolved,
      round(sum(coalesce(m.amount, 0) * ${share})) AS refunded,
      round(sum(coalesce((c.resolution->>'goodwill')::bigint, 0) * ${share})) AS goodwill,
      round(sum(${share}) FILTER (WHERE r.order_id IS NOT NULL), 2) AS replacements,
      round(sum(coalesce(r.cost, 0) * ${share})) AS replacement_cost,
      avg(extract(epoch FROM (c.closed_at - c.created_at)) / 3600) FILTER (WHERE c.closed_at IS NOT NULL) AS hours
    FROM cases c
    JOIN orders o ON o.id = c.order_id
    ${FULFILLMENT}
    ${lines}
    LEFT JOIN money m ON m.case_id = c.id
    LEFT JOIN replacements r ON r.case_id = c.id AND r.status <> 'canceled'
    WHERE c.store_id = ${storeId} AND c.kind <> 'return'
      AND c.created_at >= ${period.from} AND c.created_at < ${period.to}
    GROUP BY 1, 2
    ORDER BY 3 DESC, 1`.execute(trx);
  return result.rows.map((r) => ({
    key: r.key,
    currency: r.currency,
    cases: Number(r.cases),
    resolved: Number(r.resolved ?? 0),
    refunded: Number(r.refunded ?? 0),
    goodwill: Number(r.goodwill ?? 0),
    replacements: Number(r.replacements ?? 0),
    replacement_cost: Number(r.replacement_cost ?? 0),
    hours_to_resolution: r.hours === null ? null : Math.round(Number(r.hours) * 10) / 10,
  }));
}

/** Parcels shipped in the period per carrier or route, and how many of them became lost-parcel cases. */
export async function lostParcelRates(trx: Tx, storeId: string, by: 'carrier' | 'route', period: Period) {
  const key =
    by === 'carrier'
      ? sql`coalesce(f.carrier, 'unknown')`
      : sql`coalesce(f.origin_country, '??') || '-' || o.destination_country`;
  const result = await sql<{ key: string; shipments: string; lost: string }>`
    SELECT ${key} AS key, count(*) AS shipments,
      count(c.id) AS lost
    FROM fulfillments f
    JOIN orders o ON o.id = f.order_id
    LEFT JOIN cases c ON c.store_id = f.store_id AND c.kind = 'lost_parcel'
      AND c.order_id = f.order_id AND c.data->>'fulfillment_id' = f.fulfillment_id
    WHERE f.store_id = ${storeId} AND f.shipped_at >= ${period.from} AND f.shipped_at < ${period.to}
      AND o.channel <> 'replacement'
    GROUP BY 1 ORDER BY 3 DESC, 2 DESC, 1`.execute(trx);
  return result.rows.map((r) => ({
    key: r.key,
    shipments: Number(r.shipments),
    lost: Number(r.lost),
    lost_rate: Number(r.shipments) > 0 ? Number(r.lost) / Number(r.shipments) : null,
  }));
}
