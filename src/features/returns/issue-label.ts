// A return label / packing slip for an approved return, from the store's carrier (the offline
// carrier draws our own PDF). Issuing twice gives back the first label.

import type { Tx } from '../../db/schema.ts';
import { decimalToMinor } from '../../domain/currency-digits.ts';
import { AppError } from '../../domain/errors.ts';
import type { Address } from '../../domain/order.ts';
import { type Carrier, offlineCarrier } from '../../integrations/carriers/carrier.ts';
import type { LabelInput } from '../../integrations/carriers/label-pdf.ts';
import type { Actor } from '../auth/actor.ts';
import { loadOrder } from '../orders/load-order.ts';
import { getStore } from '../stores/stores.queries.ts';
import { getLabelPdf, getReturnLines, insertEvent, insertLabel, type ReturnRow } from './returns.queries.ts';
import { loadForStep } from './transition.ts';

const LABEL_STATUSES = ['approved', 'in_transit'];

/** The store's own carrier, if it connected one (looked up per label). */
export type StoreCarrier = (trx: Tx, storeId: string) => Promise<Carrier | undefined>;

function costOf(cost: { amount: string; currency: string }): { cost?: number; cost_currency?: string } {
  const currency = cost.currency.toUpperCase();
  const amount = /^[A-Z]{3}$/.test(currency) ? decimalToMinor(cost.amount, currency) : null;
  return amount === null ? {} : { cost: amount, cost_currency: currency };
}

/** What the returned units weigh by the catalogue; null when a SKU has no weight there. */
async function parcelWeight(trx: Tx, storeId: string, lines: { sku: string; quantity: number }[]) {
  if (lines.length === 0) return null;
  const products = await trx
    .selectFrom('products')
    .select(['sku', 'weight_grams'])
    .where('store_id', '=', storeId)
    .where(
      'sku',
      'in',
      lines.map((l) => l.sku),
    )
    .execute();
  let total = 0;
  for (const l of lines) {
    const w = products.find((p) => p.sku === l.sku)?.weight_grams;
    if (w === null || w === undefined) return null;
    total += w * l.quantity;
  }
  return total;
}

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
    weight_grams: await parcelWeight(trx, storeId, lines),
  };
}

export async function issueLabel(
  trx: Tx,
  actor: Actor,
  id: string,
  deps: { carrier?: Carrier; carrierFor?: StoreCarrier; portalUrl: string },
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
  // the store's own carrier account (EasyPost) when it connected one, else the configured or offline one
  const carrier = (await deps.carrierFor?.(trx, actor.storeId)) ?? deps.carrier ?? offlineCarrier;
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
    carrier_reference: label.reference ?? null,
    ...(label.cost ? costOf(label.cost) : {}),
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'label_issued',
    actor: actor.label,
    data: { carrier: label.carrier, tracking_number: label.tracking_number, cost: label.cost ?? null },
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

/**
 * Voids a carrier label the customer has not used (the return is still approved, nothing scanned):
 * the carrier is asked to refund the postage, the event keeps what was voided, and a new label can
 * be issued.
 */
export async function voidReturnLabel(
  trx: Tx,
  actor: Actor,
  id: string,
  carrierFor: StoreCarrier | undefined,
): Promise<void> {
  const row = await loadForStep(trx, actor, id);
  if (row.status !== 'approved')
    throw new AppError(
      'illegal_transition',
      `A label is voided before the parcel leaves, not once the return is ${row.status}`,
      {
        from: row.status,
      },
    );
  const label = await trx
    .selectFrom('return_labels')
    .select(['carrier', 'tracking_number', 'carrier_reference'])
    .where('store_id', '=', actor.storeId)
    .where('case_id', '=', id)
    .executeTakeFirst();
  if (!label) throw new AppError('not_found', 'This return has no label');
  const carrier = await carrierFor?.(trx, actor.storeId);
  let status = 'discarded';
  if (label.carrier.startsWith('easypost:')) {
    const voider = carrier as
      | (Carrier & { voidLabel?: (c: string, t: string) => Promise<string> })
      | undefined;
    if (!voider?.voidLabel || !label.tracking_number)
      throw new AppError(
        'invalid_request',
        'Connect EasyPost again to void this label (its API key is missing)',
      );
    status = await voider.voidLabel(label.carrier, label.tracking_number);
  }
  await trx
    .deleteFrom('return_labels')
    .where('store_id', '=', actor.storeId)
    .where('case_id', '=', id)
    .execute();
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'label_voided',
    actor: actor.label,
    data: { carrier: label.carrier, tracking_number: label.tracking_number, refund_status: status },
  });
}
