// Applies a stored webhook delivery, in a job: idempotent (a delivery applied once is not applied
// again), ordered per object (an older orders/updated never overwrites a newer one, under a lock on
// the object), and a delivery that cannot be applied keeps its error for the console to replay.

import type { Kysely } from 'kysely';
import type { DB, Tx } from '../../db/schema.ts';
import { decimalToMinor } from '../../domain/currency-digits.ts';
import { AppError } from '../../domain/errors.ts';
import { mapEasyPostTracker } from '../../domain/tracking/carrier-status.ts';
import { ShopifyMappingError, shopifyOrderToInput } from '../../integrations/shopify/order-mapping.ts';
import { WooMappingError, wooOrderToInput } from '../../integrations/woocommerce/order-mapping.ts';
import type { Job, JobHandler } from '../../jobs/queue.ts';
import type { Actor } from '../auth/actor.ts';
import { orderInputSchema } from '../orders/orders.schemas.ts';
import { upsertOrder } from '../orders/upsert-order.ts';
import { recordTracking } from '../tracking/record-tracking.ts';
import { type J, lockObject, obj, Unappliable } from './delivery-helpers.ts';
import { getDelivery, newestApplied, recordOutcome } from './integrations.queries.ts';
import { applyPayPal, applyStripe, providerRefund } from './payment-news.ts';

async function orderIdByExternal(trx: Tx, storeId: string, externalId: string) {
  return (
    await trx
      .selectFrom('orders')
      .select('id')
      .where('store_id', '=', storeId)
      .where('external_id', '=', externalId)
      .executeTakeFirst()
  )?.id;
}

async function applyShopify(
  trx: Tx,
  actor: Actor,
  d: { topic: string; body: J; object_updated_at: Date | null; object_id: string | null },
) {
  if (d.topic.startsWith('orders/')) {
    if (d.object_id) {
      await lockObject(trx, actor.storeId, 'shopify', d.object_id);
      const newest = await newestApplied(trx, actor.storeId, 'shopify', d.object_id);
      if (newest && d.object_updated_at && newest > d.object_updated_at)
        return 'stale: a newer version was applied';
    }
    let input: ReturnType<typeof orderInputSchema.parse>;
    try {
      input = orderInputSchema.parse(shopifyOrderToInput(d.body));
    } catch (err) {
      throw new Unappliable(err instanceof Error ? err.message : String(err));
    }
    const { id, created } = await upsertOrder(trx, actor.storeId, input);
    return `${created ? 'created' : 'updated'} order ${input.number} (${id})`;
  }
  if (d.topic === 'fulfillments/create' || d.topic === 'fulfillments/update') {
    // a parcel made or moved in Shopify: its carrier, tracking and delivery on our order
    const f = obj(d.body.fulfillment ?? d.body);
    const orderId = await orderIdByExternal(trx, actor.storeId, `shopify:${String(f.order_id)}`);
    if (!orderId) throw new Unappliable(`no order shopify:${String(f.order_id)} yet`);
    const status = String(f.status ?? '');
    const fid = String(f.id);
    if (status === 'cancelled' || status === 'failure' || status === 'error') {
      await trx
        .deleteFrom('fulfillments')
        .where('store_id', '=', actor.storeId)
        .where('order_id', '=', orderId)
        .where('fulfillment_id', '=', fid)
        .execute();
      return `fulfillment ${fid} ${status}: removed`;
    }
    const lines = (Array.isArray(f.line_items) ? f.line_items : []).map(obj).map((l) => ({
      line_id: String(l.id),
      quantity: Number(l.quantity ?? 0),
    }));
    const row = {
      carrier: typeof f.tracking_company === 'string' ? f.tracking_company : null,
      tracking_number: typeof f.tracking_number === 'string' ? f.tracking_number : null,
      shipped_at: typeof f.created_at === 'string' ? new Date(f.created_at) : null,
      delivered_at:
        f.shipment_status === 'delivered' && typeof f.updated_at === 'string' ? new Date(f.updated_at) : null,
      lines: JSON.stringify(lines),
    };
    await trx
      .insertInto('fulfillments')
      .values({ store_id: actor.storeId, order_id: orderId, fulfillment_id: fid, ...row })
      .onConflict((oc) => oc.columns(['order_id', 'fulfillment_id']).doUpdateSet(row))
      .execute();
    return `fulfillment ${fid} ${row.delivered_at ? 'delivered' : 'shipped'} (${row.tracking_number ?? 'no tracking'})`;
  }
  if (d.topic === 'refunds/create') {
    // ours (sent through the Admin API with our key in its note) is settled, once; one made in
    // Shopify's admin is recorded, as money that already left, never sent again
    // the order paid in Shopify: its payment's reference is the Shopify order
    const paid = await trx
      .selectFrom('payments as p')
      .innerJoin('orders as o', 'o.id', 'p.order_id')
      .select(['o.currency'])
      .where('p.store_id', '=', actor.storeId)
      .where('p.reference', '=', `shopify:${String(d.body.order_id)}`)
      .executeTakeFirst();
    if (!paid) throw new Unappliable(`no order paid as shopify:${String(d.body.order_id)} yet`);
    const currency = paid.currency;
    const txs = (Array.isArray(d.body.transactions) ? d.body.transactions : [])
      .map(obj)
      .filter((t) => t.kind === 'refund');
    const amount = txs
      .filter((t) => t.status !== 'failure' && t.status !== 'error')
      .reduce((s, t) => s + (decimalToMinor(String(t.amount ?? '0'), currency) ?? 0), 0);
    const failed = txs.length > 0 && txs.every((t) => t.status === 'failure' || t.status === 'error');
    const pending = txs.some((t) => t.status === 'pending');
    return providerRefund(trx, actor, 'shopify', {
      id: String(d.body.id),
      status: failed ? 'failed' : pending ? 'pending' : 'succeeded',
      amount,
      refs: [`shopify:${String(d.body.order_id)}`],
      ourId:
        /\[aftersale aftersale-refund-([0-9a-f-]{36})-\d+\]/.exec(String(d.body.note ?? ''))?.[1] ?? null,
    });
  }
  return `ignored topic ${d.topic}`;
}

async function applyWoo(
  trx: Tx,
  actor: Actor,
  d: { topic: string; body: J; object_updated_at: Date | null; object_id: string | null },
) {
  if (d.topic !== 'order.created' && d.topic !== 'order.updated') return `ignored topic ${d.topic}`;
  if (d.object_id) {
    await lockObject(trx, actor.storeId, 'woocommerce', d.object_id);
    const newest = await newestApplied(trx, actor.storeId, 'woocommerce', d.object_id);
    if (newest && d.object_updated_at && newest > d.object_updated_at)
      return 'stale: a newer version was applied';
  }
  let input: ReturnType<typeof orderInputSchema.parse>;
  try {
    input = orderInputSchema.parse(wooOrderToInput(d.body));
  } catch (err) {
    throw new Unappliable(err instanceof Error ? err.message : String(err));
  }
  const { id, created } = await upsertOrder(trx, actor.storeId, input);
  return `${created ? 'created' : 'updated'} order ${input.number} (${id})`;
}

async function applyEasyPost(trx: Tx, actor: Actor, d: { topic: string; body: J }) {
  if (d.topic !== 'tracker.updated') return `ignored event ${d.topic}`;
  const tracker = obj(d.body.result);
  const code = String(tracker.tracking_code ?? '');
  if (!code) throw new Unappliable('tracker without tracking_code');
  // every parcel of the store with this tracking number (a return label's parcel is not an order's)
  const parcels = await trx
    .selectFrom('fulfillments as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select(['f.order_id', 'f.fulfillment_id', 'f.origin_country', 'o.destination_country'])
    .where('f.store_id', '=', actor.storeId)
    .where('f.tracking_number', '=', code)
    .execute();
  const outcomes = [];
  for (const p of parcels) {
    const events = mapEasyPostTracker(tracker, {
      origin: p.origin_country,
      destination: p.destination_country,
    });
    outcomes.push(await recordTracking(trx, actor.storeId, p.order_id, p.fulfillment_id, events));
  }
  return `tracker ${code} ${String(tracker.status)}: ${outcomes.map((o) => `${o.fulfillment_id} ${o.milestone ?? '-'} (+${o.added})`).join(', ') || 'no parcel'}`;
}

export async function applyDelivery(db: Kysely<DB>, storeId: string, deliveryId: string): Promise<void> {
  const actor: Actor = { storeId, role: 'owner', label: 'system:webhook' };
  const d = await getDelivery(db, storeId, deliveryId);
  if (!d || d.applied_at) return;
  const body = obj(JSON.parse(d.body));
  try {
    await db.transaction().execute(async (trx) => {
      const outcome =
        d.provider === 'shopify'
          ? await applyShopify(trx, actor, { ...d, body })
          : d.provider === 'stripe'
            ? await applyStripe(trx, actor, { topic: d.topic, body })
            : d.provider === 'paypal'
              ? await applyPayPal(trx, actor, { topic: d.topic, body })
              : d.provider === 'woocommerce'
                ? await applyWoo(trx, actor, { ...d, body })
                : d.provider === 'easypost'
                  ? await applyEasyPost(trx, actor, { topic: d.topic, body })
                  : `not applied: ${d.provider} deliveries are stored only`;
      await recordOutcome(trx, storeId, d.id, { outcome, error: null, applied: true });
    });
  } catch (err) {
    const permanent =
      err instanceof Unappliable ||
      err instanceof ShopifyMappingError ||
      err instanceof WooMappingError ||
      err instanceof AppError;
    await recordOutcome(db, storeId, d.id, {
      outcome: null,
      error: err instanceof Error ? err.message : String(err),
      applied: false,
    });
    if (!permanent) throw err;
  }
}

export const applyDeliveryJob: JobHandler = async (db, job: Job) => {
  const { delivery_id } = job.payload as { delivery_id: string };
  await applyDelivery(db, job.store_id, delivery_id);
};
