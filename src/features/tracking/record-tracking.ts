// Carrier news about a parcel, from EasyPost's tracker webhook or posted by a store without a
// carrier account: the events join the fulfilment's history, its current milestone moves on
// (a resent older scan never moves it back), "delivered" sets the delivery date the return window
// and the late/lost thresholds count from, and the newest milestone the customer should hear of
// is told once, at their daytime, with what to do about customs and duties in plain words.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import {
  isFinalMilestone,
  type Milestone,
  milestoneRank,
  shouldNotify,
  type TrackingEvent,
} from '../../domain/tracking/milestones.ts';
import { formatMoney } from '../../i18n/index.ts';
import { queueMessage } from '../notifications/notify.ts';
import { loadOrderRecipient } from '../notifications/recipient.ts';
import { fill, phrase } from '../notifications/templates.ts';

/** What the customer is told beyond the milestone itself: what, how much, what to do. */
export function milestoneDetail(language: string, e: TrackingEvent): string {
  const amount = e.duties ? formatMoney(language, e.duties.amount, e.duties.currency) : '';
  if (e.milestone === 'duties_due')
    return fill(
      phrase(language, amount ? 'milestone_detail.duties_due_amount' : 'milestone_detail.duties_due'),
      {
        amount,
      },
    );
  if (['held_by_customs', 'failed_attempt', 'returned_to_sender', 'exception'].includes(e.milestone))
    return phrase(language, `milestone_detail.${e.milestone}`);
  return '';
}

const key = (e: TrackingEvent) => `${e.at}|${e.milestone}`;

/** The milestone a history has reached: the last one, unless a resent older scan came after it. */
function currentOf(events: TrackingEvent[]): TrackingEvent | null {
  let current: TrackingEvent | null = null;
  for (const e of events) {
    if (current && isFinalMilestone(current.milestone)) break;
    const from = current ? milestoneRank(current.milestone) : null;
    const to = milestoneRank(e.milestone);
    if (from !== null && to !== null && to < from) continue;
    current = e;
  }
  return current;
}

export interface TrackingOutcome {
  fulfillment_id: string;
  milestone: Milestone | null;
  added: number;
  notified: Milestone | null;
  delivered_at: string | null;
}

export async function recordTracking(
  trx: Tx,
  storeId: string,
  orderId: string,
  fulfillmentId: string,
  incoming: TrackingEvent[],
): Promise<TrackingOutcome> {
  const f = await trx
    .selectFrom('fulfillments')
    .select(['milestone', 'tracking_events', 'delivered_at'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('fulfillment_id', '=', fulfillmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!f) throw new AppError('not_found', `No fulfilment ${fulfillmentId} on this order`);
  const known = (f.tracking_events ?? []) as TrackingEvent[];
  const seen = new Set(known.map(key));
  const fresh = incoming.filter((e) => !seen.has(key(e)));
  const all = [...known, ...fresh].sort((a, b) => a.at.localeCompare(b.at));
  const before = currentOf(known);
  const after = currentOf(all);
  const delivered = all.find(
    (e) =>
      e.milestone === 'delivered' && !all.some((r) => r.milestone === 'returned_to_sender' && r.at <= e.at),
  );
  const deliveredAt = f.delivered_at ?? (delivered ? new Date(delivered.at) : null);
  await trx
    .updateTable('fulfillments')
    .set({
      tracking_events: JSON.stringify(all.slice(-200)),
      milestone: after?.milestone ?? null,
      milestone_at: after ? new Date(after.at) : null,
      delivered_at: deliveredAt,
    })
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('fulfillment_id', '=', fulfillmentId)
    .execute();
  // one message for a batch of news: the newest the customer should hear of
  let notified: Milestone | null = null;
  if (
    after &&
    after !== before &&
    fresh.includes(after) &&
    shouldNotify(before?.milestone ?? null, after.milestone)
  ) {
    const r = await loadOrderRecipient(trx, storeId, orderId);
    if (r) {
      await queueMessage(trx, r, {
        template: 'tracking_update',
        values: {
          milestone: phrase(r.language, `milestone.${after.milestone}`),
          detail: milestoneDetail(r.language, after),
        },
      });
      notified = after.milestone;
    }
  }
  return {
    fulfillment_id: fulfillmentId,
    milestone: after?.milestone ?? null,
    added: fresh.length,
    notified,
    delivered_at: deliveredAt ? deliveredAt.toISOString() : null,
  };
}
