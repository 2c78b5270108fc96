// The units the store took back or lost that a supplier may owe for, with the facts its terms ask
// about: a return's lines (the received units, their reason, grade and checklist), and the lines of an
// item-problem or lost-parcel case. Each is matched with its supplier's terms for its SKU, giving the
// supplier's position (claimable until when, or why not). Read alone, or as JSON columns of another
// statement (unitsWithPositionColumns) that reads them back the same (readUnitsWithPosition).
import { type RawBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../../db/schema.ts';
import { type SupplierPosition, supplierPosition } from '../../domain/suppliers/position.ts';
import { type EffectiveTerms, termsForSku } from '../../domain/suppliers/terms.ts';
import {
  type SupplierRow,
  suppliersByCode,
  suppliersByCodeFrom,
  suppliersOf,
} from './supplier-terms.queries.ts';

export interface SupplierUnit {
  source: 'return_line' | 'case';
  case_id: string;
  case_number: string;
  case_kind: string;
  case_status: string;
  order_id: string;
  order_number: string;
  destination_country: string;
  line_id: string;
  sku: string;
  title: string;
  supplier_code: string | null;
  /** units concerned: a return's received units once received (else requested), a case's lines */
  quantity: number;
  received_quantity: number;
  reason: string;
  grade: string | null;
  checklist: unknown;
  disposition: string | null;
  delivered_at: Date | null;
  received_at: Date | null;
  reported_at: Date;
  /** what the customer is refunded for these units (the return line's decision, or the line's share) */
  value: { amount: number; currency: string };
  unit_cost: { amount: number; currency: string } | null;
  weight_grams: number | null;
  /** the claim line that already claims it, if any */
  claim: { id: string; number: string; status: string } | null;
}

export interface UnitWithPosition extends SupplierUnit {
  supplier: Pick<SupplierRow, 'id' | 'code' | 'name' | 'country'> | null;
  terms: EffectiveTerms | null;
  position: SupplierPosition | null;
}

export interface UnitFilter {
  caseId?: string;
  supplierCode?: string;
  /** only returns inspected (and cases of the kinds) whose units the supplier may owe */
  claimableOnly?: boolean;
  /** only units reported (return requested, case opened) since */
  since?: Date;
}

type Raw = Omit<SupplierUnit, 'value' | 'unit_cost' | 'claim'> & {
  value_amount: string | number;
  currency: string;
  unit_cost: number | null;
  unit_cost_currency: string | null;
  claim_id: string | null;
  claim_number: string | null;
  claim_status: string | null;
};

/** A Raw row as JSON aggregation gives it: its timestamps as text. */
type JsonRaw = Omit<Raw, 'delivered_at' | 'received_at' | 'reported_at'> & {
  delivered_at: string | null;
  received_at: string | null;
  reported_at: string;
};

export async function loadSupplierUnits(trx: Tx, storeId: string, f: UnitFilter): Promise<SupplierUnit[]> {
  const rows = await supplierUnitsQuery(storeId, f).execute(trx);
  return rows.rows.map(readUnit);
}

/** The units' statement: a return's lines and a case's, oldest report first. */
function supplierUnitsQuery(storeId: string, f: UnitFilter): RawBuilder<Raw> {
  const byCase = f.caseId ? sql`AND c.id = ${f.caseId}` : sql``;
  const bySupplier = f.supplierCode ? sql`AND ol.supplier = ${f.supplierCode}` : sql``;
  const inspected = f.claimableOnly
    ? sql`AND r.inspected_at IS NOT NULL AND rl.received_quantity > 0`
    : sql``;
  const returnsSince = f.since ? sql`AND r.requested_at >= ${f.since}` : sql``;
  const casesSince = f.since ? sql`AND c.created_at >= ${f.since}` : sql``;
  // a case closed with nothing given cost the store nothing to claim back
  const openCases = f.claimableOnly ? sql`AND c.status <> 'closed'` : sql``;
  const delivered = sql`(SELECT min(fu.delivered_at) FROM fulfillments fu
      WHERE fu.order_id = o.id AND fu.lines @> jsonb_build_array(jsonb_build_object('line_id', ol.line_id)))`;
  const claimed = (lineExpr: ReturnType<typeof sql>) => sql`LEFT JOIN LATERAL (
        SELECT sc.id AS claim_id, sc.number AS claim_number, sc.status AS claim_status
        FROM supplier_claim_lines scl JOIN supplier_claims sc ON sc.id = scl.claim_id
        WHERE scl.store_id = c.store_id AND scl.case_id = c.id AND coalesce(scl.line_id, '') = ${lineExpr}
        LIMIT 1) cl ON true`;
  return sql<Raw>`
    SELECT 'return_line' AS source, c.id AS case_id, c.number AS case_number, c.kind AS case_kind,
      c.status AS case_status, o.id AS order_id, o.number AS order_number,
      o.destination_country, ol.line_id, ol.sku, ol.title, ol.supplier AS supplier_code,
      CASE WHEN rl.received_quantity > 0 THEN rl.received_quantity ELSE rl.quantity END AS quantity,
      rl.received_quantity, rl.reason, rl.grade, rl.checklist, rl.disposition,
      ${delivered} AS delivered_at, r.received_at, r.requested_at AS reported_at,
      round((rl.decision->'refund'->>'total')::numeric
        * (CASE WHEN rl.received_quantity > 0 THEN rl.received_quantity ELSE rl.quantity END) / rl.quantity)
        AS value_amount,
      o.currency, p.unit_cost, p.unit_cost_currency, p.weight_grams, cl.claim_id, cl.claim_number, cl.claim_status
    FROM return_lines rl
    JOIN returns r ON r.case_id = rl.case_id
    JOIN cases c ON c.id = rl.case_id
    JOIN orders o ON o.id = rl.order_id
    JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_id = rl.line_id
    LEFT JOIN products p ON p.store_id = rl.store_id AND p.sku = ol.sku
    ${claimed(sql`rl.line_id`)}
    WHERE rl.store_id = ${storeId} ${byCase} ${bySupplier} ${inspected} ${returnsSince}
    UNION ALL
    SELECT 'case', c.id, c.number, c.kind, c.status, o.id, o.number, o.destination_country, ol.line_id,
      ol.sku, ol.title, ol.supplier, cln.quantity, 0,
      CASE WHEN c.kind = 'lost_parcel' THEN 'lost_parcel' ELSE coalesce(c.data->>'reason', 'defective') END,
      NULL, NULL, NULL, ${delivered}, NULL, c.created_at,
      round((ol.unit_price * ol.quantity - ol.discount + ol.tax)::numeric * cln.quantity / ol.quantity),
      o.currency, p.unit_cost, p.unit_cost_currency, p.weight_grams, cl.claim_id, cl.claim_number, cl.claim_status
    FROM case_lines cln
    JOIN cases c ON c.id = cln.case_id
    JOIN orders o ON o.id = cln.order_id
    JOIN order_lines ol ON ol.order_id = cln.order_id AND ol.line_id = cln.line_id
    LEFT JOIN products p ON p.store_id = cln.store_id AND p.sku = ol.sku
    ${claimed(sql`cln.line_id`)}
    WHERE cln.store_id = ${storeId} AND c.kind IN ('item_problem', 'lost_parcel')
      ${byCase} ${bySupplier} ${openCases} ${casesSince}
    ORDER BY reported_at, case_number, line_id`;
}

/** A timestamp as the driver gives it (a Date) or as JSON aggregation does (text with its offset). */
const instant = (v: Date | string): Date => (typeof v === 'string' ? new Date(v) : v);

function readUnit({
  value_amount,
  currency,
  unit_cost,
  unit_cost_currency,
  claim_id,
  claim_number,
  claim_status,
  ...u
}: Raw | JsonRaw): SupplierUnit {
  return {
    ...u,
    delivered_at: u.delivered_at === null ? null : instant(u.delivered_at),
    received_at: u.received_at === null ? null : instant(u.received_at),
    reported_at: instant(u.reported_at),
    value: { amount: Number(value_amount), currency },
    unit_cost:
      unit_cost !== null && unit_cost_currency ? { amount: unit_cost, currency: unit_cost_currency } : null,
    claim: claim_id ? { id: claim_id, number: claim_number as string, status: claim_status as string } : null,
  };
}

/** The units with their supplier, the terms for their SKU and the supplier's position today. */
export async function unitsWithPosition(
  trx: Tx,
  storeId: string,
  f: UnitFilter,
  now: Date,
): Promise<UnitWithPosition[]> {
  const [units, suppliers] = await Promise.all([
    loadSupplierUnits(trx, storeId, f),
    suppliersByCode(trx, storeId),
  ]);
  return withPositions(units, suppliers, now);
}

/**
 * unitsWithPosition's two reads as two JSON columns (`units`, `suppliers`) of another statement, so
 * a caller that needs the units with more reads them in one round trip; readUnitsWithPosition
 * reads them back.
 */
export function unitsWithPositionColumns(trx: Tx, storeId: string, f: UnitFilter) {
  return [
    jsonArrayFrom(sql<JsonRaw>`(${supplierUnitsQuery(storeId, f)})`).as('units'),
    jsonArrayFrom(suppliersOf(trx, storeId)).as('suppliers'),
  ] as const;
}

/** What unitsWithPosition gives, from the columns of unitsWithPositionColumns. */
export function readUnitsWithPosition(
  row: {
    units: JsonRaw[];
    suppliers: Parameters<typeof suppliersByCodeFrom>[0];
  },
  now: Date,
): UnitWithPosition[] {
  return withPositions(row.units.map(readUnit), suppliersByCodeFrom(row.suppliers), now);
}

function withPositions(
  units: SupplierUnit[],
  suppliers: Map<string, SupplierRow>,
  now: Date,
): UnitWithPosition[] {
  return units.map((u) => {
    const s = u.supplier_code ? suppliers.get(u.supplier_code) : undefined;
    if (!s) return { ...u, supplier: null, terms: null, position: null };
    const supplier = { id: s.id, code: s.code, name: s.name, country: s.country };
    if (!s.terms)
      return {
        ...u,
        supplier,
        terms: null,
        position: {
          claimable: false,
          until: null,
          why: { code: 'no_terms', message: `No return terms are recorded for ${s.code}.` },
        },
      };
    const terms = termsForSku(s.terms, u.sku);
    const position = supplierPosition(
      terms,
      {
        reason: u.reason,
        deliveredAt: u.delivered_at,
        receivedByStoreAt: u.received_at,
        reportedAt: u.reported_at,
      },
      now,
    );
    return { ...u, supplier, terms, position };
  });
}
