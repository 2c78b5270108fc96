// The actual cost of an inspected line's route, once the invoice or the liquidator's payment is in,
// beside the cost expected at inspection; an event on the case keeps who recorded what.
import type { z } from 'zod';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { getReturn, insertEvent } from '../returns/returns.queries.ts';
import { dispositionLines, recordActualCost } from './disposition.queries.ts';
import type { actualCostSchema } from './disposition.schemas.ts';

export async function recordDispositionCost(
  trx: Tx,
  actor: Actor,
  caseId: string,
  lineId: string,
  input: z.output<typeof actualCostSchema>,
) {
  if (!(await getReturn(trx, actor.storeId, caseId))) throw new AppError('not_found', 'Return not found');
  const line = (await dispositionLines(trx, actor.storeId, caseId)).find((l) => l.line_id === lineId);
  if (!line) throw new AppError('not_found', 'Return line not found');
  if (!line.disposition)
    throw new AppError('conflict', 'The line has not been inspected: it has no route yet');
  const currency = input.currency ?? line.disposition_cost_currency;
  if (!currency)
    throw new AppError('invalid_request', 'Name the currency: no expected cost was recorded', {
      errors: [{ path: 'currency', message: 'required for this line' }],
    });
  const cost = { amount: input.amount, currency, note: input.note };
  await recordActualCost(trx, actor.storeId, caseId, lineId, cost);
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: caseId,
    type: 'disposition_cost_recorded',
    actor: actor.label,
    data: {
      line_id: lineId,
      disposition: line.disposition,
      expected: line.disposition_expected_cost,
      expected_currency: line.disposition_cost_currency,
      actual: cost.amount,
      currency,
      note: cost.note,
    },
  });
  return {
    line_id: lineId,
    disposition: line.disposition,
    expected_cost: line.disposition_expected_cost,
    expected_currency: line.disposition_cost_currency,
    actual_cost: cost.amount,
    actual_currency: currency,
    note: cost.note,
  };
}
