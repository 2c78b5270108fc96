// A return label / packing slip for an approved return, from the store's carrier (the offline
// carrier draws our own PDF). Issuing twice gives back the first label.

import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Address } from '../../domain/order.ts';
import { type Carrier, offlineCarrier } from '../../integrations/carriers/carrier.ts';
import type { LabelInput } from '../../integrations/carriers/label-pdf.ts';
import type { Actor } from '../auth/actor.ts';
import { loadOrder } from '../orders/orders.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import { getLabelPdf, getReturnLines, insertEvent, insertLabel, type ReturnRow } from './returns.queries.ts';
import { loadForStep } from './transition.ts';

const LABEL_STATUSES = ['approved', 'in_transit'];

export async function labelInput(
  trx: Tx,
  storeId: string,
  row: ReturnRow,
  portalUrl: string,
): Promise<LabelInput> {
  const [store, order, lines] = await Promise.all([
    getStore(trx, storeId),
    loadOrder(trx, storeId, row.order_id),
    getReturnLines(trx, storeId, [row.id]),
  ]);
  if (!store || !order) throw new AppError('not_found', 'Return not found');
  return {
    store_name: store.name,
    rma: row.number,
    qr_payload: `${portalUrl}/returns/${encodeURIComponent(row.number)}`,
    created_at: row.created_at.toISOString(),
    method: row.method,
    carrier: null,
    tracking_number: null,
    from: order.order.shipping_address,
    to: store.return_address as Address,
    lines: lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      variant: l.variant,
      quantity: l.quantity,
      reason: l.reason,
    })),
    // The packing slip goes into the customer's parcel, so it speaks the customer's language.
    language: order.order.customer.language ?? 'en',
  };
}

export async function issueLabel(
  trx: Tx,
  actor: Actor,
  id: string,
  deps: { carrier?: Carrier; portalUrl: string },
): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  if (!LABEL_STATUSES.includes(row.status))
    throw new AppError(
      'illegal_transition',
      `A label is issued for an approved return, not one that is ${row.status}`,
      {
        from: row.status,
      },
    );
  if (row.method === 'none')
    throw new AppError('illegal_transition', 'A keep-the-item return needs no label');
  if (await getLabelPdf(trx, actor.storeId, id)) return;
  const carrier = deps.carrier ?? offlineCarrier;
  const label = await carrier.createReturnLabel(
    await labelInput(trx, actor.storeId, row, deps.portalUrl),
    `label-${id}`,
  );
  await insertLabel(trx, {
    store_id: actor.storeId,
    case_id: id,
    carrier: label.carrier,
    tracking_number: label.tracking_number,
    label_pdf: label.label_pdf,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'label_issued',
    actor: actor.label,
    data: { carrier: label.carrier, tracking_number: label.tracking_number },
  });
}

/** The stored label of a return, or (offline carrier) one drawn now for a return on its way back. */
export async function labelPdf(trx: Tx, storeId: string, row: ReturnRow, portalUrl: string): Promise<Buffer> {
  const stored = await getLabelPdf(trx, storeId, row.id);
  if (stored?.label_pdf) return stored.label_pdf;
  if (['requested', 'rejected', 'canceled'].includes(row.status) || row.method === 'none')
    throw new AppError('illegal_transition', `A ${row.status} return has no label`, { from: row.status });
  return (
    await offlineCarrier.createReturnLabel(await labelInput(trx, storeId, row, portalUrl), `label-${row.id}`)
  ).label_pdf;
}
