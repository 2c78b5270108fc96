// The dispute evidence pack: everything a payment provider's reviewer needs, gathered from the
// order, its fulfilments and tracking, refunds, what the customer and the store wrote, the policy in
// force when the order was placed, every case of the order and the photos, then drawn as a PDF.
import { buffer } from 'node:stream/consumers';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { policySchema } from '../../domain/policy/policy.schema.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import { loadOrder } from '../orders/load-order.ts';
import { getStore } from '../stores/stores.queries.ts';
import { getCase, listEvidence, listMessages } from './cases.queries.ts';
import { type EvidencePackInput, renderEvidencePack } from './evidence-pack-pdf.ts';

const MAX_IMAGES = 12;

/** The policy's main terms in plain words, as the customer saw them at checkout. */
function policySummary(document: unknown): string[] {
  const p = policySchema.parse(document);
  return [
    `Change of mind: ${p.change_of_mind.window_days} days from delivery; return shipping paid by the ${p.change_of_mind.return_shipping}`,
    `Faulty, damaged or wrong goods: ${p.seller_fault.window_days} days`,
    `Restocking fee: ${p.change_of_mind.restocking_fee_percent}%${p.change_of_mind.restocking_only_if_opened ? ' (opened items only)' : ''}`,
    `Refund, store credit or exchange: ${p.resolutions.join(', ')}`,
    `Refund within ${p.refund_sla_business_days} business days of inspection`,
  ];
}

export async function evidencePack(
  trx: Tx,
  files: FileStore,
  storeId: string,
  caseId: string,
  now = new Date(),
): Promise<{ number: string; pdf: Buffer }> {
  const input = await evidencePackInput(trx, files, storeId, caseId, now);
  return { number: input.dispute.number, pdf: await renderEvidencePack(input) };
}

/** Everything the pack shows, gathered (the Stripe evidence fields are filled from it too). */
export async function evidencePackInput(
  trx: Tx,
  files: FileStore,
  storeId: string,
  caseId: string,
  now = new Date(),
): Promise<EvidencePackInput> {
  const row = await getCase(trx, storeId, caseId);
  if (!row) throw new AppError('not_found', 'Case not found');
  if (row.kind !== 'dispute') throw new AppError('invalid_request', 'An evidence pack is made for a dispute');
  const [store, stored] = await Promise.all([getStore(trx, storeId), loadOrder(trx, storeId, row.order_id)]);
  if (!store || !stored) throw new AppError('not_found', 'Order not found');
  const order = stored.order;
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'number'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', row.order_id)
    .execute();
  const ids = cases.map((c) => c.id);
  const [refunds, events, policy] = await Promise.all([
    trx
      .selectFrom('refunds')
      .select(['amount', 'currency', 'status', 'created_at'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', row.order_id)
      .orderBy('created_at')
      .execute(),
    trx
      .selectFrom('case_events')
      .select(['case_id', 'type', 'actor', 'data', 'at'])
      .where('store_id', '=', storeId)
      .where('case_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('policies')
      .select(['version', 'document', 'created_at'])
      .where('store_id', '=', storeId)
      .where('created_at', '<=', new Date(order.placed_at))
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const messages = (await Promise.all(ids.map((id) => listMessages(trx, storeId, id)))).flat();
  const evidence = (await Promise.all(ids.map((id) => listEvidence(trx, storeId, id)))).flat();
  const images: EvidencePackInput['images'] = [];
  for (const e of evidence.slice(0, MAX_IMAGES)) {
    const stored = await trx
      .selectFrom('case_evidence')
      .select(['data', 'storage_key'])
      .where('store_id', '=', storeId)
      .where('id', '=', e.id)
      .executeTakeFirst();
    if (!stored) continue;
    const bytes = stored.storage_key ? await buffer(files.read(stored.storage_key)) : stored.data;
    if (bytes) images.push({ filename: e.filename, content_type: e.content_type, bytes: Buffer.from(bytes) });
  }
  const number = new Map(cases.map((c) => [c.id, c.number]));
  const data = (row.data ?? {}) as Record<string, unknown>;
  const input: EvidencePackInput = {
    store: { name: store.name, return_address: store.return_address },
    dispute: {
      number: row.number,
      provider: String(data.provider ?? ''),
      provider_dispute_id: (data.provider_dispute_id as string | null) ?? null,
      amount: Number(data.amount ?? 0),
      currency: String(data.currency ?? order.currency),
      reason: String(data.reason ?? ''),
      evidence_due_by: (data.evidence_due_by as string | null) ?? null,
      status: row.status,
    },
    order: {
      number: order.number,
      placed_at: order.placed_at,
      currency: order.currency,
      total: stored.total_amount,
      paid: stored.paid_amount,
      refunded: stored.refunded_amount,
      customer: { name: order.customer.name, email: order.customer.email },
      shipping_address: order.shipping_address,
      lines: order.lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unit_price: l.unit_price,
      })),
      payments: order.payments,
    },
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      carrier: f.carrier,
      tracking_number: f.tracking_number,
      shipped_at: f.shipped_at,
      delivered_at: f.delivered_at,
    })),
    refunds: refunds.map((r) => ({ ...r, created_at: r.created_at.toISOString() })),
    messages: messages
      .filter((m) => m.direction !== 'internal')
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((m) => ({
        direction: m.direction as 'in' | 'out',
        author: m.author,
        body: m.body,
        at: m.at.toISOString(),
      })),
    policy: policy
      ? {
          version: policy.version,
          created_at: policy.created_at.toISOString(),
          summary: policySummary(policy.document),
        }
      : null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      type: `${number.get(e.case_id) ?? ''} ${e.type}`.trim(),
      actor: e.actor,
      note: null,
    })),
    images,
    generated_at: now.toISOString(),
  };
  return input;
}
