// Human-readable output for the terminal.

import type { Tx } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { isReasonCode } from '../domain/reasons.ts';
import { findOrderIds } from '../features/orders/orders.queries.ts';
import { checkEligibility } from '../features/returns/check-eligibility.ts';
import { getReturnByRma, listEvents } from '../features/returns/returns.queries.ts';
import { viewReturn } from '../features/returns/returns.routes.ts';
import { CliError } from './context.ts';

const money = (amount: number, currency: string) => `${currency} ${amount}`;

export async function printReturn(db: Tx, storeId: string, rma: string): Promise<string> {
  const row = await getReturnByRma(db, storeId, rma);
  if (!row) throw new CliError(`No return ${rma}`);
  const r = await viewReturn(db, storeId, row.id);
  if (!r) throw new CliError(`No return ${rma}`);
  const events = await listEvents(db, storeId, row.id);
  const out = [
    `${r.rma}  ${r.status.toUpperCase()}  order ${r.order_number}  ${r.customer.email} (${r.customer.country})`,
    `resolution: ${(r.resolution as { type: string }).type}   method: ${r.method}   policy v${r.policy_version}`,
    `refund: items ${r.refund.items} + tax ${r.refund.tax} + shipping ${r.refund.shipping} - fees ${r.refund.fees} = ${money(r.refund.total, r.currency)}`,
    ...(r.sla_due_at ? [`review due: ${r.sla_due_at}`] : []),
    ...(r.refund_due_at ? [`refund due: ${r.refund_due_at}`] : []),
    '',
    'lines:',
    ...r.lines.map(
      (l) =>
        `  ${l.line_id}  ${l.quantity} x ${l.sku} ${l.title}  reason ${l.reason}  received ${l.received_quantity}${l.inspection ? `  grade ${l.inspection.grade} -> ${l.inspection.disposition}` : ''}`,
    ),
    '',
    'refunds:',
    ...(r.refunds.length
      ? r.refunds.map((f) => `  ${f.id}  ${money(f.amount, f.currency)}  ${f.provider}  ${f.status}`)
      : ['  none']),
    '',
    'timeline:',
    ...events.map(
      (e) => `  ${e.at.toISOString()}  ${e.type}${e.to_status ? ` -> ${e.to_status}` : ''}  by ${e.actor}`,
    ),
  ];
  return out.join('\n');
}

export async function printDecision(
  db: Tx,
  storeId: string,
  number: string,
  opts: { reason: string; at?: string; lang?: string },
): Promise<string> {
  const [orderId] = await findOrderIds(db, storeId, { number }, { limit: 1 });
  if (!orderId) throw new CliError(`No order number ${number}`);
  if (!isReasonCode(opts.reason)) throw new CliError(`Unknown reason ${opts.reason}`);
  try {
    const d = await checkEligibility(db, storeId, orderId, {
      reason: opts.reason,
      method: 'label',
      at: opts.at,
      language: opts.lang,
    });
    const lines = d.lines.flatMap((l) => [
      `${l.line_id}: ${l.eligible ? 'RETURNABLE' : 'NOT RETURNABLE'} (${l.path})${l.deadline ? ` until ${l.deadline}` : ''}`,
      `  refund ${money(l.refund.total, d.currency)} (items ${l.refund.items}, tax ${l.refund.tax}, shipping ${l.refund.shipping}, fees ${l.refund.fees}); return shipping paid by ${l.return_shipping_paid_by}`,
      `  resolutions: ${l.resolutions.join(', ') || 'none'}${l.keep_item ? '; may keep the item' : ''}`,
      ...l.explanations.map((e) => `  - ${e.message}  [${e.source}]`),
    ]);
    return [
      `Order ${number}, policy v${d.policy_version}: ${d.eligible ? 'eligible' : 'not eligible'}${d.auto_approve ? ', approved automatically' : ', reviewed by a person'}`,
      ...lines,
      `total refund: ${money(d.totals.total, d.currency)}`,
    ].join('\n');
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}
