// A case as its customer sees it: where it stands, what the store offered or decided, the money on
// its way, and the steps so far. No internal notes, assignee, goodwill ceilings or actor names.
import type { CaseView } from '../cases/case-view.ts';

/** Timeline events a customer is told about (the team's own steps, like assignment, stay out). */
const CUSTOMER_CASE_EVENTS = new Set([
  'opened',
  'offered',
  'offer_accepted',
  'offer_declined',
  'waiting_customer',
  'waiting_carrier',
  'intercept_requested',
  'intercept_succeeded',
  'intercept_failed',
  'address_changed',
  'replacement_created',
  'turned_into_return',
  'resolved',
  'closed',
]);

export function portalCaseView(v: CaseView, events: { type: string; to_status: string | null; at: Date }[]) {
  const resolution = v.resolution as { type?: string; amount?: number; message?: string } | null;
  const offer = v.offer as { resolution?: { type: string; amount?: number }; message?: string } | null;
  return {
    id: v.id,
    number: v.number,
    kind: v.kind,
    status: v.status,
    order_number: v.order_number,
    currency: v.currency,
    lines: v.lines,
    data: v.data,
    explanations: v.explanations,
    created_at: v.created_at,
    closed_at: v.closed_at,
    resolution: resolution
      ? {
          type: resolution.type ?? 'none',
          amount: resolution.amount ?? null,
          message: resolution.message ?? null,
        }
      : null,
    refunds: v.refunds.map(({ amount, currency, status, created_at }) => ({
      amount,
      currency,
      status,
      created_at,
    })),
    replacement: v.replacement ? { status: v.replacement.status } : null,
    return_id: v.return_id,
    offer:
      offer?.resolution && v.status === 'waiting_customer'
        ? {
            type: offer.resolution.type,
            amount: offer.resolution.amount ?? v.amounts.full_refund?.total ?? null,
            message: offer.message ?? '',
          }
        : null,
    can_answer_offer: v.allowed.can_accept_offer,
    timeline: events
      .filter((e) => CUSTOMER_CASE_EVENTS.has(e.type) || CUSTOMER_CASE_EVENTS.has(e.to_status ?? ''))
      .map((e) => ({
        type: CUSTOMER_CASE_EVENTS.has(e.type) ? e.type : (e.to_status as string),
        at: e.at.toISOString(),
      })),
  };
}

export type PortalCaseView = ReturnType<typeof portalCaseView>;
