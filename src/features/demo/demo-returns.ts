// Walks one demo return to its target status through the real use cases.

import type { Tx } from '../../db/schema.ts';
import type { ReasonCode } from '../../domain/reasons.ts';
import { isSellerFault } from '../../domain/suppliers/position.ts';
import type { Actor } from '../auth/actor.ts';
import type { OrderInput } from '../orders/orders.schemas.ts';
import { inspectReturn } from '../returns/inspect-return.ts';
import { issueLabel } from '../returns/issue-label.ts';
import { receiveReturn, shipReturn } from '../returns/receive-return.ts';
import { requestReturn } from '../returns/request-return.ts';
import { resolveReturn } from '../returns/resolve-return.ts';
import { getReturn } from '../returns/returns.queries.ts';
import { approveReturn, cancelReturn, rejectReturn } from '../returns/review-return.ts';

export type DemoStage =
  | 'requested'
  | 'label'
  | 'rejected'
  | 'canceled'
  | 'in_transit'
  | 'received'
  | 'inspected'
  | 'completed';

const ORDER: DemoStage[] = ['requested', 'label', 'in_transit', 'received', 'inspected', 'completed'];

export async function advanceDemoReturn(
  trx: Tx,
  actor: Actor,
  orderId: string,
  order: OrderInput,
  spec: {
    sku: string;
    reason: ReasonCode;
    opened?: boolean;
    resolution?: 'refund' | 'store_credit' | 'exchange' | 'keep_item';
    exchangeTo?: string;
    to: DemoStage;
  },
): Promise<void> {
  const line = order.lines.find((l) => l.sku === spec.sku);
  if (!line) throw new Error(`demo return: ${spec.sku} not in order`);
  const type = spec.resolution ?? 'refund';
  const resolution =
    type === 'exchange'
      ? { type, lines: [{ line_id: line.id, sku: spec.exchangeTo ?? spec.sku }] }
      : { type };
  const id = await requestReturn(trx, actor, {
    order_id: orderId,
    lines: [{ line_id: line.id, quantity: 1, reason: spec.reason, note: '', opened: spec.opened ?? false }],
    resolution: resolution as never,
    method: type === 'keep_item' ? 'none' : 'label',
  }).catch((err: Error & { extra?: unknown }) => {
    throw new Error(
      `demo return of ${spec.sku} in order ${order.number}: ${err.message} ${JSON.stringify(err.extra ?? {})}`,
    );
  });
  const status = async () => (await getReturn(trx, actor.storeId, id))?.status;
  if (spec.to === 'requested') return;
  if (spec.to === 'rejected') {
    if ((await status()) === 'requested')
      await rejectReturn(trx, actor, id, {
        reason_code: 'suspected_abuse',
        message: 'We could not accept this return. Please contact us if you think this is a mistake.',
      });
    return;
  }
  if ((await status()) === 'requested') await approveReturn(trx, actor, id);
  if (spec.to === 'canceled') return cancelReturn(trx, actor, id);
  if (type === 'keep_item') return resolveReturn(trx, actor, id);
  const target = ORDER.indexOf(spec.to);
  await issueLabel(trx, actor, id, { portalUrl: 'http://localhost:3000' });
  if (target >= ORDER.indexOf('in_transit')) await shipReturn(trx, actor, id, {});
  if (target >= ORDER.indexOf('received'))
    await receiveReturn(trx, actor, id, { lines: [{ line_id: line.id, quantity: 1 }] });
  // a faulty unit goes back to its supplier (or is claimed from it); anything else is put back on sale
  const faulty = isSellerFault(spec.reason);
  if (target >= ORDER.indexOf('inspected'))
    await inspectReturn(trx, actor, id, {
      lines: [
        {
          line_id: line.id,
          grade: faulty ? 'C' : 'A',
          checklist: faulty ? { powers_on: false, all_parts: true } : { tags_attached: true, unworn: true },
          disposition: faulty ? 'return_to_supplier' : 'restock',
          deduction: { amount: 0, reason: '' },
        },
      ],
    });
  if (target >= ORDER.indexOf('completed')) await resolveReturn(trx, actor, id);
}
