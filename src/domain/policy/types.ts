// The policy engine's contract: what a caller passes in and what a decision looks like.

import type { RateTable } from '../currency.ts';
import type { Order } from '../order.ts';
import type { ReasonCode, ReturnPath } from '../reasons.ts';
import type { Policy } from './policy.schema.ts';

export type ReturnMethod = 'label' | 'drop_off' | 'pickup' | 'in_store' | 'none';
export type ResolutionType = 'refund' | 'store_credit' | 'exchange' | 'keep_item';

export interface Breakdown {
  items: number;
  tax: number;
  shipping: number;
  fees: number;
  total: number;
}

export interface Explanation {
  code: string;
  params: Record<string, string | number | boolean>;
  message: string;
  /** the statute or store rule behind it, in one canonical form (for machines and audits) */
  source: string;
  /** the same citation in the message's language, with the law's official title */
  source_label: string;
}

export interface DecisionContext {
  order: Order;
  policy: Policy;
  policyVersion: number;
  /** the customer's IANA zone, already resolved (customer.time_zone ?? defaultTimeZone(country)) */
  timeZone: string;
  /** language of the messages (normalised by normalizeLanguage) */
  language: string;
  /** units of each line already taken by earlier returns that were not rejected or canceled */
  prior: { lineId: string; quantity: number }[];
  /** money already refunded on this order (all refunds), minor units */
  refundedSoFar: number;
  /** of which shipping (amount + tax) */
  shippingRefundedSoFar: number;
  /** unit price of a SKU the customer may exchange to, keyed `lineId|sku` (see exchangeKey) or by SKU */
  exchangePrices?: Record<string, number>;
  /** the store's exchange rates, for policy amounts in another currency than the order's */
  rates?: RateTable;
  /** tags for rule conditions: the order's own and each line's product tags */
  tags?: { order?: string[]; lines?: Record<string, string[]> };
  /**
   * What the customer's return label and its handling would cost per line, from the store's
   * disposition cost tables, in the order's currency; keep-the-item weighs this for the line instead
   * of the policy's one flat estimate. Absent: the store has no tables (or no rate to price them).
   */
  returnCosts?: Record<string, ReturnCostEstimate>;
}

/** One line's return cost by parcel weight: the label band for `unitGrams × quantity`, plus handling per unit. */
export interface ReturnCostEstimate {
  unitGrams: number;
  bands: readonly { max_grams: number; cost: number }[];
  handlingPerUnit: number;
}

export interface RequestLine {
  lineId: string;
  quantity: number;
  opened?: boolean;
  reason?: ReasonCode;
}

export interface DecisionRequest {
  /** default 'changed_mind' applied by the caller */
  reason: ReasonCode;
  /** absent: every line, its full remaining quantity (delivered minus prior) */
  lines?: RequestLine[];
  /** default 'label' */
  method: ReturnMethod;
  /** ISO instant of the request */
  at: string;
  resolution?: { type: ResolutionType; lines?: { lineId: string; sku: string }[] };
}

export interface LineDecision {
  line_id: string;
  quantity: number;
  eligible: boolean;
  path: ReturnPath;
  /** ISO with the customer's local offset, e.g. '2026-03-18T23:59:59.999+01:00' */
  deadline: string | null;
  return_shipping_paid_by: 'customer' | 'merchant';
  fees: { restocking: number; return_shipping: number };
  refund: Breakdown;
  resolutions: ResolutionType[];
  keep_item: boolean;
  auto_approve: boolean;
  evidence_required: boolean;
  explanations: Explanation[];
}

export interface Decision {
  policy_version: number;
  currency: string;
  lines: LineDecision[];
  totals: Breakdown;
  /** every line eligible */
  eligible: boolean;
  /** approve at once */
  auto_approve: boolean;
  /** why it goes to a person (empty when auto-approved) */
  review_reasons: Explanation[];
  store_credit?: { bonus: number; total: number };
  /** difference: what the new items cost more (or less) than the returned ones; fees: what the
   *  customer bears for the return itself (e.g. the label); due_from_customer = difference + fees
   *  when positive; refund: what comes back when negative */
  exchange?: { difference: number; fees: number; due_from_customer: number; refund: number };
}
