// The supplier's position on each line of one return or case, for the inspection screen and the
// disposition by cost: who supplied it, the terms for its SKU, claimable until when, and its cost.
import type { Tx } from '../../db/schema.ts';
import { unitsWithPosition } from './supplier-units.queries.ts';

/** Per line of one return (or case): its supplier, their terms and position (the inspection screen). */
export async function positionsForReturn(trx: Tx, storeId: string, caseId: string, now: Date) {
  const units = await unitsWithPosition(trx, storeId, { caseId }, now);
  return new Map(
    units.map((u) => [
      u.line_id,
      { supplier: u.supplier, terms: u.terms, position: u.position, unit_cost: u.unit_cost },
    ]),
  );
}
