// CSAT: of the answered surveys, the share that scored 4 or 5, with the average score, overall and
// per group. A survey about a return counts once per returned SKU and reason it names.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const CSAT_GROUPS = ['week', 'product', 'reason', 'agent'] as const;
export type CsatGroup = (typeof CSAT_GROUPS)[number];

interface Row {
  key: string | null;
  label: string | null;
  responses: number;
  average: number;
  satisfied: number;
}

export async function csat(
  db: Kysely<DB>,
  storeId: string,
  q: { group: CsatGroup; from?: string | undefined; to?: string | undefined },
) {
  const from = q.from ? sql`AND s.answered_at >= ${q.from}::date` : sql``;
  const to = q.to ? sql`AND s.answered_at < ${q.to}::date + 1` : sql``;
  const base = sql`FROM surveys s WHERE s.store_id = ${storeId} AND s.answered_at IS NOT NULL ${from} ${to}`;
  const measures = sql`count(*)::int AS responses, round(avg(s.score)::numeric, 2)::float AS average,
    count(*) FILTER (WHERE s.score >= 4)::int AS satisfied`;
  const overall = (await sql<Row>`SELECT NULL AS key, NULL AS label, ${measures} ${base}`.execute(db))
    .rows[0];
  let rows: Row[];
  if (q.group === 'week')
    rows = (
      await sql<Row>`SELECT to_char(date_trunc('week', s.answered_at), 'YYYY-MM-DD') AS key, NULL AS label, ${measures}
        ${base} GROUP BY 1 ORDER BY 1`.execute(db)
    ).rows;
  else if (q.group === 'agent')
    rows = (
      await sql<Row>`SELECT s.agent_user_id::text AS key, coalesce(u.name, 'Unassigned') AS label, ${measures}
        FROM surveys s LEFT JOIN users u ON u.id = s.agent_user_id
        WHERE s.store_id = ${storeId} AND s.answered_at IS NOT NULL ${from} ${to}
        GROUP BY 1, 2 ORDER BY responses DESC, 1`.execute(db)
    ).rows;
  else if (q.group === 'product')
    rows = (
      await sql<Row>`SELECT ol.sku AS key, min(ol.title) AS label, ${measures}
        FROM surveys s
        JOIN LATERAL (
          SELECT DISTINCT line_id FROM case_lines cl WHERE cl.case_id = s.case_id
          UNION SELECT DISTINCT line_id FROM return_lines rl WHERE rl.case_id = s.case_id
        ) l ON true
        JOIN order_lines ol ON ol.order_id = s.order_id AND ol.line_id = l.line_id
        WHERE s.store_id = ${storeId} AND s.answered_at IS NOT NULL ${from} ${to}
        GROUP BY 1 ORDER BY responses DESC, 1`.execute(db)
    ).rows;
  else
    rows = (
      await sql<Row>`SELECT r.reason AS key, NULL AS label, ${measures}
        FROM surveys s
        JOIN LATERAL (
          SELECT DISTINCT reason FROM return_lines rl WHERE rl.case_id = s.case_id
          UNION SELECT s.kind WHERE s.kind <> 'return'
        ) r ON true
        WHERE s.store_id = ${storeId} AND s.answered_at IS NOT NULL ${from} ${to}
        GROUP BY 1 ORDER BY responses DESC, 1`.execute(db)
    ).rows;
  const shape = (r: Row) => ({
    key: r.key,
    label: r.label,
    responses: r.responses,
    average: r.responses ? Number(r.average) : null,
    csat: r.responses ? Math.round((r.satisfied / r.responses) * 1000) / 10 : null,
  });
  return { group: q.group, overall: shape(overall as Row), data: rows.map(shape) };
}
