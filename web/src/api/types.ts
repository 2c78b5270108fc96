// The JSON the console reads, as the API sends it (see /docs/json).
import type { Policy } from '@domain/policy/policy.schema.ts';
import type { Breakdown, Explanation, LineDecision, ResolutionType } from '@domain/policy/types.ts';
import type { Disposition, Grade } from '@domain/returns/inspection.ts';
import type { ReturnStatus } from '@domain/returns/lifecycle.ts';
import type { Role } from '@domain/roles.ts';

export interface Session {
  user: { id: string; email: string; name: string; role: Role };
  /** currency: the store's own, for amounts the policy states */
  store: { id: string; name: string; slug: string; currency: string };
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Inspection {
  grade: Grade;
  checklist: Record<string, boolean | string>;
  disposition: Disposition;
  deduction: { amount: number; reason: string };
}

// The domain's own lists, so the console offers exactly what the API accepts.
export { DISPOSITIONS, type Disposition } from '@domain/returns/inspection.ts';

export interface ReturnLine extends LineDecision {
  sku: string;
  title: string;
  variant: string | null;
  category: string | null;
  reason: string;
  note: string;
  opened: boolean;
  received_quantity: number;
  inspection: Inspection | null;
}

export interface ReturnView {
  id: string;
  rma: string;
  status: ReturnStatus;
  order_id: string;
  order_number: string | null;
  customer: { id: string; email: string | null; name: string | null; country: string | null };
  /** the staff member who owns the return, or nobody */
  assignee: Assignee | null;
  method: string;
  resolution: { type: ResolutionType };
  currency: string;
  policy_version: number;
  auto_approved: boolean;
  review_reasons: Explanation[];
  lines: ReturnLine[];
  refund: Breakdown;
  store_credit: { bonus: number; total: number } | null;
  exchange: { difference: number; fees: number; due_from_customer: number; refund: number } | null;
  result: { type: ResolutionType; refund: number; store_credit: number; due_from_customer: number } | null;
  refunds: ReturnRefund[];
  label: { carrier: string; tracking_number: string | null; created_at: string | null } | null;
  rejection: { reason_code: string; message: string } | null;
  sla_due_at: string | null;
  refund_due_at: string | null;
  requested_at: string | null;
  completed_at: string | null;
  created_at: string;
}

export interface Assignee {
  id: string;
  name: string;
  email: string;
}

/** GET /api/v1/users: the store's staff, for the assignee picker. */
export interface StaffUser extends Assignee {
  role: Role;
}

export interface ReturnRefund {
  id: string;
  amount: number;
  currency: string;
  provider: string;
  /** requires_action: the team pays it by hand, then confirms it with the payment reference */
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed';
  reference: string | null;
}

export interface RefundView {
  id: string;
  order_id: string;
  case_id: string | null;
  amount: number;
  currency: string;
  provider: string;
  provider_reference: string | null;
  status: ReturnRefund['status'];
  created_at: string;
}

export interface OrderView {
  id: string;
  number: string;
  channel: string;
  currency: string;
  placed_at: string;
  customer: {
    id: string;
    email: string;
    name: string;
    language: string | null;
    time_zone: string | null;
    segments: string[];
  };
  shipping_address: { city: string; country: string; postal_code: string | null };
  totals: { total: number; paid: number; refunded: number };
  lines: { id: string; sku: string; title: string; variant: string | null; quantity: number }[];
  payments: { provider: string; reference: string | null; amount: number }[];
  fulfillments: { delivered_at: string | null }[];
}

export interface TimelineEvent {
  id: number;
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor: string;
  /** the actor in words (staff by name, the system rule), null for events from before it existed */
  actor_view?:
    | { kind: 'user'; name: string; email: string; role: string | null }
    | { kind: 'token'; name: string }
    | { kind: 'customer'; email: string }
    | { kind: 'system'; rule: string }
    | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface CaseMessage {
  id: string;
  direction: 'in' | 'out' | 'internal';
  channel: string;
  author: string | null;
  author_view?: TimelineEvent['actor_view'];
  body: string;
  at: string;
}

export interface Evidence {
  id: string;
  line_id: string | null;
  filename: string;
  content_type: string;
  size: number;
}

export type PolicyDocument = Policy;

export interface PolicyVersion {
  version: number;
  document: PolicyDocument;
  created_by: string;
  created_at: string;
}

/** POST /orders/{id}/eligibility and POST /policy/preview: the engine's decision, nothing saved. */
export interface Eligibility {
  order_id: string;
  policy_version: number;
  currency: string;
  lines: LineDecision[];
  totals: Breakdown;
  eligible: boolean;
  auto_approve: boolean;
  review_reasons: Explanation[];
  store_credit?: { bonus: number; total: number };
  exchange?: { difference: number; fees: number; due_from_customer: number; refund: number };
}

export interface QueueCounts {
  needs_review: number;
  awaiting_parcel: number;
  to_receive: number;
  to_inspect: number;
  to_refund: number;
  refund_overdue: number;
}

export type Interval = 'day' | 'week' | 'month';

export interface AnalyticsSummary {
  from: string;
  to: string;
  timeseries: {
    period: string;
    orders: number;
    units_sold: number;
    units_returned: number;
    return_rate: number | null;
  }[];
  health: {
    returns: number;
    auto_approved_share: number | null;
    completed: number;
    median_hours_to_refund: number | null;
    review_sla_breached: number;
    refund_overdue: number;
  };
  refunds: { currency: string; refunds: number; amount: number }[];
  /** every refund in the store's reporting currency, at the store's rates */
  refunds_total: ReportingTotal & { refunds: number };
}

export interface ReportingRate {
  from: string;
  rate: string;
  day: string;
}

export interface ReportingTotal {
  currency: string;
  amount: number;
  rates: ReportingRate[];
  /** amounts with no rate to the reporting currency, never added at face value */
  unconverted: { currency: string; amount: number }[];
}

export const DIMENSIONS = ['product', 'category', 'country', 'reason', 'segment', 'supplier'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface BreakdownRow {
  key: string;
  currency: string;
  units_sold: number;
  units_returned: number;
  returns: number;
  refunded: number;
  refunded_unconverted?: { currency: string; amount: number }[];
  return_rate: number | null;
}
