// The JSON the portal reads, as /api/v1/portal/* sends it (see /docs/json). The decision types come
// from the pure domain, so the portal and the engine can never disagree on a field.
import type {
  Breakdown,
  Explanation,
  LineDecision,
  ResolutionType,
  ReturnMethod,
} from '@domain/policy/types.ts';
import type { ReasonCode } from '@domain/reasons.ts';
import type { ReturnStatus } from '@domain/returns/lifecycle.ts';
import type { RefundProgress } from '@domain/returns/refund-progress.ts';
import type { Eligibility } from '../../api/types.ts';

/** The engine's decision for the order: the same JSON the console reads. */
export type {
  Breakdown,
  Eligibility,
  Explanation,
  LineDecision,
  ReasonCode,
  ResolutionType,
  ReturnMethod,
  ReturnStatus,
};

/** the methods a store can offer (`none` is only what a keep-the-item return travels with) */
export type ShippingMethod = Exclude<ReturnMethod, 'none'>;
export const SHIPPING_METHODS: readonly ShippingMethod[] = ['label', 'drop_off', 'pickup', 'in_store'];

export interface LookupAnswer {
  token: string;
  expires_at: string;
  status_token: string;
  status_expires_at: string;
  store: { name: string; slug: string };
}

/** GET /portal/stores/{slug}: asked of the server; the portal copes while it is missing */
export interface StoreInfo {
  name: string;
  slug: string;
  return_methods: ShippingMethod[];
  /** the store's own face in the header; both optional */
  logo_url?: string | null;
  brand_color?: string | null;
}

export interface OrderLine {
  id: string;
  sku: string;
  title: string;
  variant: string | null;
  quantity: number;
  unit_price: number;
  /** the catalogue's picture, when it has one */
  image_url: string | null;
  delivered_at: string | null;
}

export interface PortalOrder {
  number: string;
  placed_at: string;
  currency: string;
  customer: { name: string | null; email: string; language: string | null };
  destination_country: string;
  withdrawal_available: boolean;
  lines: OrderLine[];
  total: number;
}

export interface TimelineEntry {
  type: string;
  at: string;
}

export interface PortalReturn {
  id: string;
  rma: string;
  status: ReturnStatus;
  method: ReturnMethod;
  resolution: { type: ResolutionType; lines?: { line_id: string; sku: string }[] };
  currency: string;
  lines: {
    line_id: string;
    title: string;
    variant: string | null;
    quantity: number;
    reason: ReasonCode;
    received_quantity: number;
    deadline: string | null;
    refund: Breakdown;
    explanations: Explanation[];
  }[];
  refund: Breakdown;
  store_credit: { bonus: number; total: number } | null;
  exchange: { difference: number; fees: number; due_from_customer: number; refund: number } | null;
  has_label: boolean;
  rejection: { reason_code: string; message: string } | null;
  refunds: { amount: number; currency: string; status: string; paid_at: string | null }[];
  refund_due_at: string | null;
  refund_progress: RefundProgress;
  timeline: TimelineEntry[];
  requested_at: string | null;
}

/** one of the store's own reasons: its label is already in the customer's language */
export interface CustomReason {
  code: string;
  maps_to: ReasonCode;
  label: string;
}

export interface OrderAnswer {
  order: PortalOrder;
  eligibility: Eligibility;
  /** absent on servers from before the store's own reasons */
  custom_reasons?: CustomReason[];
  returns: PortalReturn[];
}

export interface Variant {
  sku: string;
  title: string;
  variant: string | null;
  price: number;
  currency: string;
  current: boolean;
}

export interface PreviewBody {
  /** a normalised reason or one of the store's own codes */
  reason: string;
  lines: { line_id: string; quantity: number; opened: boolean }[];
  method: ReturnMethod;
  resolution?: Resolution;
  language: string;
}

export type Resolution =
  | { type: 'refund' | 'store_credit' | 'keep_item' }
  | { type: 'exchange'; lines: { line_id: string; sku: string }[] };

export interface CreateReturnBody {
  lines: { line_id: string; quantity: number; reason: string; note: string; opened: boolean }[];
  resolution: Resolution;
  method: ReturnMethod;
  language: string;
}

export interface WithdrawalBody {
  name: string;
  email: string;
  lines?: { line_id: string; quantity: number }[];
  confirm: true;
  language: string;
}

export interface WithdrawalAnswer {
  withdrawal: {
    id: string;
    declared_at: string;
    statement: string;
    order_number: string;
    lines: { line_id: string; quantity: number }[];
  };
  return: PortalReturn;
}

/** Kinds of case a customer opens from the portal (a dispute comes from the payment provider). */
export type CustomerCaseKind =
  | 'cancellation'
  | 'address_change'
  | 'lost_parcel'
  | 'delivery_delay'
  | 'item_problem'
  | 'inquiry';
export type CaseKind = CustomerCaseKind | 'dispute';
export type CaseStatus =
  | 'open'
  | 'waiting_customer'
  | 'waiting_carrier'
  | 'submitted'
  | 'resolved'
  | 'closed'
  | 'won'
  | 'lost';
export type ItemProblemReason =
  | 'damaged_in_transit'
  | 'wrong_item'
  | 'missing_parts'
  | 'defective'
  | 'not_as_described';

export interface ParcelClock {
  id: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  lines: { line_id: string; quantity: number }[];
  state: 'not_shipped' | 'in_transit' | 'delivered';
  days_in_transit: number | null;
  late_after_days: number | null;
  lost_after_days: number | null;
  late_from: string | null;
  lost_from: string | null;
  can_report_lost: boolean;
  can_report_delay: boolean;
  explanations: Explanation[];
}

/** GET /portal/cases: what can still be done about the order besides a return, and its cases */
export interface CaseOptions {
  cancellable: { line_id: string; quantity: number }[];
  address_changeable: boolean;
  fulfillments: ParcelClock[];
  cases: { id: string; number: string; kind: CaseKind; status: CaseStatus; created_at: string }[];
}

export interface Address {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  country: string;
}

export interface PortalCase {
  id: string;
  number: string;
  kind: CaseKind;
  status: CaseStatus;
  order_number: string;
  currency: string;
  lines: { line_id: string; quantity: number; sku: string; title: string; variant: string | null }[];
  data: Record<string, unknown>;
  explanations: Explanation[];
  created_at: string;
  closed_at: string | null;
  resolution: { type: string; amount: number | null; message: string | null } | null;
  refunds: { amount: number; currency: string; status: string; created_at: string }[];
  replacement: { status: string } | null;
  return_id: string | null;
  offer: { type: string; amount: number | null; message: string } | null;
  can_answer_offer: boolean;
  timeline: TimelineEntry[];
}

export interface CreateCaseBody {
  kind: CustomerCaseKind;
  lines?: { line_id: string; quantity: number }[];
  data: Record<string, unknown>;
  language?: string;
}

/** The satisfaction survey of one case (GET /portal/surveys/{case_id}). */
export interface SurveyView {
  case_id: string;
  case_number: string;
  kind: string;
  score: number | null;
  comment: string | null;
  answered_at: string | null;
}
