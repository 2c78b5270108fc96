// What a customer (or an agent) can do about an order besides returning items: cancel what has not
// shipped, change the address before shipment, report a parcel late or lost once the route's
// threshold has passed; and the order's cases so far.
import type { Tx } from '../../db/schema.ts';
import { cancellableQuantities } from '../../domain/cases/case-money.ts';
import { delayRights, shipmentClock } from '../../domain/cases/shipment-clock.ts';
import { loadCaseContext } from './case-context.ts';
import { searchCases } from './cases.queries.ts';

export async function orderCaseOptions(
  trx: Tx,
  storeId: string,
  orderId: string,
  now = new Date(),
  language?: string,
) {
  const ctx = await loadCaseContext(trx, storeId, orderId, { lock: false, language });
  const order = ctx.stored.order;
  const destination = order.shipping_address.country;
  const cases = await searchCases(
    trx,
    storeId,
    { order_id: orderId },
    { limit: 100, offset: 0, sort: 'newest' },
  );
  const openKeys = new Set(
    cases
      .filter((c) => c.kind === 'lost_parcel' || c.kind === 'delivery_delay')
      .map((c) => `${c.kind}:${(c.data as { fulfillment_id?: string }).fulfillment_id}`),
  );
  return {
    cancellable: cancellableQuantities(order, new Map(Object.entries(ctx.stored.cancelled))),
    address_changeable: !order.fulfillments.some((f) => f.shipped_at !== null),
    fulfillments: order.fulfillments.map((f) => {
      const clock = shipmentClock(f, destination, ctx.policy, now);
      const explanations = [];
      if (clock.state === 'in_transit')
        explanations.push(
          clock.is_lost
            ? ctx.explain.store('parcel_counts_lost', { days: clock.lost_after_days })
            : ctx.explain.store('parcel_not_lost_yet', {
                days: clock.lost_after_days,
                deadline: clock.lost_from ?? '',
              }),
        );
      if (clock.is_late)
        for (const e of delayRights(destination))
          explanations.push(
            e.source ? ctx.explain.law(e.code, e.source, e.params) : ctx.explain.store(e.code, e.params),
          );
      return {
        id: f.id,
        carrier: f.carrier,
        tracking_number: f.tracking_number,
        shipped_at: f.shipped_at,
        delivered_at: f.delivered_at,
        lines: f.lines,
        state: clock.state,
        days_in_transit: clock.days_in_transit,
        late_after_days: clock.late_after_days,
        lost_after_days: clock.lost_after_days,
        late_from: clock.late_from,
        lost_from: clock.lost_from,
        can_report_lost: clock.is_lost && !openKeys.has(`lost_parcel:${f.id}`),
        can_report_delay: clock.is_late && !clock.is_lost && !openKeys.has(`delivery_delay:${f.id}`),
        explanations,
      };
    }),
    cases: cases.map((c) => ({
      id: c.id,
      number: c.number,
      kind: c.kind,
      status: c.status,
      created_at: c.created_at.toISOString(),
    })),
  };
}
