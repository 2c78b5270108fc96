// The warehouse's verdict per received line: grade, the category checklist, where the item goes
// next (restock, refurbish, dispose, back to the supplier ...) and any diminished-value deduction,
// which always carries its reason because the customer may ask for it. With the route go its
// expected cost and the recommendation it was chosen against (disposition by cost); a unit back on
// a shelf (restock, refurbish) is due to be put away, which the store's inventory system hears of.

import type { z } from 'zod';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { unitRangeShare } from '../../domain/money.ts';
import type { LineDecision } from '../../domain/policy/types.ts';
import { PUT_AWAY_DISPOSITIONS } from '../../domain/returns/inspection.ts';
import type { Actor } from '../auth/actor.ts';
import { inspectionCosts } from '../disposition/disposition-options.ts';
import { momentWithRefundDue } from './receive-return.ts';
import { returnLineUpdate } from './returns.queries.ts';
import type { inspectSchema } from './returns.schemas.ts';
import { guardMove, loadForStepWithLines, moveReturn } from './transition.ts';

export async function inspectReturn(
  trx: Tx,
  actor: Actor,
  id: string,
  input: z.output<typeof inspectSchema>,
  now = new Date(),
): Promise<void> {
  const { row, lines, place } = await loadForStepWithLines(trx, actor, id);
  // a return that cannot be inspected says so before any line is looked at
  guardMove(row, 'inspected');
  const errors: { path: string; message: string }[] = [];
  input.lines.forEach((l, i) => {
    const line = lines.find((x) => x.line_id === l.line_id);
    if (!line) {
      errors.push({ path: `lines.${i}.line_id`, message: 'not a line of this return' });
      return;
    }
    if (line.received_quantity === 0) {
      errors.push({ path: `lines.${i}.line_id`, message: 'nothing of this line was received' });
      return;
    }
    const decision = line.decision as unknown as LineDecision;
    const max = unitRangeShare(decision.refund.total, line.quantity, 0, line.received_quantity);
    if (l.deduction.amount > max)
      errors.push({
        path: `lines.${i}.deduction.amount`,
        message: `at most ${max}, what the received units refund`,
      });
  });
  for (const line of lines)
    if (line.received_quantity > 0 && !input.lines.some((l) => l.line_id === line.line_id))
      errors.push({ path: 'lines', message: `received line ${line.line_id} needs its inspection` });
  if (errors.length)
    throw new AppError('invalid_request', 'The inspection does not match the return', { errors });
  const costs = await inspectionCosts(trx, actor.storeId, id, input.lines, now);
  const located = input.lines.map((l) => {
    const shelved = PUT_AWAY_DISPOSITIONS.includes(l.disposition);
    return { ...l, shelved, location: shelved ? (l.location ?? 'main') : null };
  });
  // a unit back on a shelf: the store's inventory system hears it is due to be put away
  const putAway = located.flatMap((l) => {
    const line = lines.find((x) => x.line_id === l.line_id);
    return l.shelved && line
      ? [
          {
            store_id: actor.storeId,
            case_id: id,
            type: 'stock_put_away_due',
            actor: actor.label,
            data: {
              line_id: l.line_id,
              sku: line.sku,
              quantity: line.received_quantity,
              grade: l.grade,
              disposition: l.disposition,
              location: l.location,
            },
          },
        ]
      : [];
  });
  // the verdict on each line and the moment, written with the status and its events
  await moveReturn(trx, actor, row, 'inspected', {
    data: {
      lines: input.lines.map(({ line_id, grade, disposition, deduction, location }) => ({
        line_id,
        grade,
        disposition,
        deduction,
        ...(location ? { location } : {}),
      })),
    },
    also: [
      ...located.map((l) => {
        const cost = costs.get(l.line_id);
        return returnLineUpdate(actor.storeId, id, l.line_id, {
          grade: l.grade,
          checklist: JSON.stringify(l.checklist),
          disposition: l.disposition,
          deduction_amount: l.deduction.amount,
          deduction_reason: l.deduction.amount > 0 ? l.deduction.reason : null,
          disposition_recommended: cost?.recommended ?? null,
          disposition_expected_cost: cost?.expected_cost ?? null,
          disposition_cost_currency: cost?.currency ?? null,
          disposition_options: cost ? JSON.stringify(cost.snapshot) : null,
          location: l.location,
        });
      }),
      await momentWithRefundDue(
        trx,
        actor.storeId,
        row,
        place,
        { receivedAt: row.received_at, inspectedAt: now },
        { inspected_at: now },
      ),
    ],
    then: putAway,
  });
}
