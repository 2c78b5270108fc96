// What a customer sees: their order and their returns, without the team's internal notes, review
// reasons or actor names.
import { jurisdictionFor } from '../../domain/jurisdictions.ts';
import { refundProgress } from '../../domain/returns/refund-progress.ts';
import type { StoredOrder } from '../orders/load-order.ts';
import type { ReturnView } from '../returns/return-view.ts';

/** Timeline events a customer is told about. */
const CUSTOMER_EVENTS = new Set([
  'requested',
  'approved',
  'rejected',
  'canceled',
  'label_issued',
  'shipped',
  'received',
  'inspected',
  'resolved',
  'refund_succeeded',
  'withdrawal_declared',
]);

export function portalOrderView(s: StoredOrder, images: ReadonlyMap<string, string> = new Map()) {
  const o = s.order;
  const regime = jurisdictionFor(o.shipping_address.country).regime;
  return {
    number: o.number,
    placed_at: o.placed_at,
    currency: o.currency,
    customer: { name: o.customer.name, email: o.customer.email, language: o.customer.language },
    destination_country: o.shipping_address.country,
    /** EU/EEA/UK consumers get the "withdraw from contract here" function (art. 11a) */
    withdrawal_available: regime === 'EU' || regime === 'UK',
    lines: o.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      title: l.title,
      variant: l.variant,
      quantity: l.quantity,
      unit_price: l.unit_price,
      /** the catalogue's picture of the SKU, if it has one */
      image_url: (l.sku && images.get(l.sku)) || null,
      delivered_at:
        o.fulfillments.find((f) => f.delivered_at && f.lines.some((fl) => fl.line_id === l.id))
          ?.delivered_at ?? null,
    })),
    total: s.total_amount,
  };
}

export function portalReturnView(
  r: ReturnView,
  events: { type: string; at: Date }[],
  paidAt: ReadonlyMap<string, Date>,
  now = new Date(),
) {
  const refunds = r.refunds.map((f) => ({
    amount: f.amount,
    currency: f.currency,
    status: f.status,
    paid_at: f.status === 'succeeded' ? (paidAt.get(f.id)?.toISOString() ?? null) : null,
  }));
  return {
    id: r.id,
    rma: r.rma,
    status: r.status,
    method: r.method,
    resolution: r.resolution,
    currency: r.currency,
    lines: r.lines.map((l) => ({
      line_id: l.line_id,
      title: l.title,
      variant: l.variant,
      quantity: l.quantity,
      reason: l.reason,
      store_reason: l.store_reason,
      received_quantity: l.received_quantity,
      deadline: l.deadline,
      refund: l.refund,
      explanations: l.explanations,
    })),
    refund: r.refund,
    store_credit: r.store_credit,
    exchange: r.exchange,
    has_label: !['requested', 'rejected', 'canceled'].includes(r.status) && r.method !== 'none',
    rejection: r.rejection,
    refunds,
    refund_due_at: r.refund_due_at,
    /** the money's real state: never "paid" before every refund has succeeded */
    refund_progress: refundProgress(
      {
        status: r.status,
        resolution: (r.resolution as { type: string }).type,
        refund_due_at: r.refund_due_at,
        refunds,
      },
      now,
    ),
    timeline: events
      .filter((e) => CUSTOMER_EVENTS.has(e.type))
      .map((e) => ({ type: e.type, at: e.at.toISOString() })),
    requested_at: r.requested_at,
  };
}
