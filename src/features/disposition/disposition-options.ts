// Disposition by cost for a return's lines: the store's cost tables, its exchange rates and each
// line's supplier position go into the pure chooser (domain/suppliers/disposition.ts), once per
// grade, so the inspection screen can follow the grade the warehouse picks without asking again.
// Also what the inspection records: the chosen route's expected cost beside the recommendation.
// Both read all of it in one statement (dispositionFacts).
import type { Tx } from '../../db/schema.ts';
import { type RateTable, rateTable } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import { GRADES, type Grade } from '../../domain/returns/inspection.ts';
import {
  chooseDisposition,
  type DispositionChoice,
  type DispositionCosts,
  type DispositionInput,
  dispositionCostsSchema,
  type Route,
  readStoredCosts,
  routeCost,
} from '../../domain/suppliers/disposition.ts';
import { isSellerFault } from '../../domain/suppliers/position.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { readUnitsWithPosition, type UnitWithPosition } from '../suppliers/supplier-units.queries.ts';
import { type DispositionLineRow, dispositionFacts, getStoredCosts } from './disposition.queries.ts';

export interface CostContext {
  tables: DispositionCosts;
  /** false: the store has not set its tables and the defaults stand in */
  tables_set: boolean;
  rates: RateTable;
  day: string;
  /** where returned units arrive: the store's return address */
  store_country: string;
}

export async function loadCostContext(trx: Tx, storeId: string, now: Date): Promise<CostContext> {
  const store = await getStoredCosts(trx, storeId);
  if (!store) throw new AppError('not_found', 'Store not found');
  return costContext(store, await loadRateTable(trx, storeId), now);
}

type StoredCosts = NonNullable<Awaited<ReturnType<typeof getStoredCosts>>>;

function costContext(store: StoredCosts, rates: RateTable, now: Date): CostContext {
  const stored = readStoredCosts(store.disposition_costs, store.currency);
  return {
    tables: stored ?? dispositionCostsSchema.parse({ currency: store.currency }),
    tables_set: stored !== null,
    rates,
    day: now.toISOString().slice(0, 10),
    store_country: (store.return_address as { country?: string } | null)?.country ?? 'US',
  };
}

/** Per line of the return: its supplier, their terms and position, and the unit's cost. */
type LineFacts = Pick<UnitWithPosition, 'supplier' | 'terms' | 'position' | 'unit_cost'>;

/**
 * The cost context, the return's lines and each line's supplier facts, from one statement;
 * `is_return`: whether the case is a return of the store. undefined: no such store.
 */
async function readForReturn(trx: Tx, storeId: string, caseId: string, now: Date) {
  const row = await dispositionFacts(trx, storeId, caseId);
  if (!row) return undefined;
  const { is_return, rates, lines, units, suppliers, ...store } = row;
  const positions = new Map<string, LineFacts>(
    readUnitsWithPosition({ units, suppliers }, now).map((u) => [
      u.line_id,
      { supplier: u.supplier, terms: u.terms, position: u.position, unit_cost: u.unit_cost },
    ]),
  );
  return { is_return, ctx: costContext(store, rateTable(rates), now), lines, positions };
}

function inputFor(
  ctx: CostContext,
  line: DispositionLineRow,
  facts: LineFacts | undefined,
  grade: Grade,
): DispositionInput {
  const atStore = line.received_quantity > 0;
  // resale fetches the catalogue price; a product the catalogue lacks, what the order charged
  const price =
    line.product_price !== null && line.product_currency
      ? { amount: line.product_price, currency: line.product_currency }
      : { amount: line.unit_price, currency: line.order_currency };
  return {
    unit: {
      price,
      unit_cost: facts?.unit_cost ?? null,
      weight_grams: line.weight_grams,
      grade,
      quantity: atStore ? line.received_quantity : line.quantity,
      country: ctx.store_country,
    },
    supplier: facts?.supplier ? { country: facts.supplier.country, position: facts.position } : null,
    with_customer: atStore ? null : { country: line.destination_country },
    tables: ctx.tables,
    rates: ctx.rates,
    day: ctx.day,
  };
}

/** The grade the screen starts from before the warehouse has graded: its own, else a guess. */
const assumedGrade = (line: DispositionLineRow): Grade =>
  (line.grade as Grade | null) ?? (isSellerFault(line.reason) ? 'C' : 'A');

export async function dispositionOptions(trx: Tx, storeId: string, caseId: string, now = new Date()) {
  const read = await readForReturn(trx, storeId, caseId, now);
  // no store: no return of it either
  if (!read?.is_return) throw new AppError('not_found', 'Return not found');
  const { ctx, lines, positions } = read;
  return {
    currency: ctx.tables.currency,
    tables_set: ctx.tables_set,
    lines: lines.map((line) => {
      const facts = positions.get(line.line_id);
      const grade = assumedGrade(line);
      const byGrade = Object.fromEntries(
        GRADES.map((g) => [g, chooseDisposition(inputFor(ctx, line, facts, g))]),
      ) as Record<Grade, DispositionChoice>;
      const chosen = byGrade[grade];
      return {
        line_id: line.line_id,
        sku: line.sku,
        title: line.title,
        quantity: line.received_quantity > 0 ? line.received_quantity : line.quantity,
        with_customer: line.received_quantity === 0,
        supplier: facts?.supplier ?? null,
        supplier_position: facts?.position ?? null,
        grade,
        recommended: chosen.recommended,
        explanation: chosen.explanation,
        options: chosen.options,
        excluded: chosen.excluded,
        by_grade: byGrade,
        recorded: line.disposition
          ? {
              disposition: line.disposition,
              expected_cost: line.disposition_expected_cost,
              actual_cost: line.disposition_actual_cost,
              actual_currency: line.disposition_actual_currency,
              currency: line.disposition_cost_currency,
            }
          : null,
      };
    }),
  };
}

/** What inspection writes per line: the route taken, its expected cost, and the list it chose from. */
export async function inspectionCosts(
  trx: Tx,
  storeId: string,
  caseId: string,
  chosen: { line_id: string; grade: Grade; disposition: Route }[],
  now: Date,
) {
  const read = await readForReturn(trx, storeId, caseId, now);
  if (!read) throw new AppError('not_found', 'Store not found');
  const { ctx, lines, positions } = read;
  const out = new Map<
    string,
    { recommended: Route; expected_cost: number; currency: string; snapshot: unknown }
  >();
  for (const c of chosen) {
    const line = lines.find((l) => l.line_id === c.line_id);
    if (!line || line.received_quantity === 0) continue;
    const input = inputFor(ctx, line, positions.get(c.line_id), c.grade);
    const choice = chooseDisposition(input);
    const taken = choice.options.find((o) => o.route === c.disposition) ?? routeCost(c.disposition, input);
    out.set(c.line_id, {
      recommended: choice.recommended,
      expected_cost: taken.net_cost,
      currency: choice.currency,
      snapshot: {
        tables_set: ctx.tables_set,
        day: ctx.day,
        grade: c.grade,
        recommended: choice.recommended,
        explanation: choice.explanation,
        options: choice.options,
        chosen: taken,
      },
    });
  }
  return out;
}
