// Every after-sales case that is not a return, as data: for each kind its statuses and transition
// table, the resolutions it allows, whether it concerns lines, what evidence it needs, and its SLA
// key in the policy. A return stays its own lifecycle (domain/returns/lifecycle.ts). The test walks
// each table: every status reachable from the first, every non-final status has a way out.
import { AppError } from '../errors.ts';

export const CASE_KINDS = [
  'cancellation',
  'address_change',
  'lost_parcel',
  'delivery_delay',
  'item_problem',
  'dispute',
  'inquiry',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  'open',
  'waiting_customer',
  'waiting_carrier',
  'submitted',
  'resolved',
  'closed',
  'won',
  'lost',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_RESOLUTIONS = ['refund', 'reship', 'store_credit', 'update_address', 'none'] as const;
export type CaseResolutionType = (typeof CASE_RESOLUTIONS)[number];

export const ITEM_PROBLEM_REASONS = [
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'defective',
  'not_as_described',
] as const;
export type ItemProblemReason = (typeof ITEM_PROBLEM_REASONS)[number];

/** Statuses a case can end in; resolving moves to `resolved` (money or goods) or `closed` (none). */
export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ['resolved', 'closed', 'won', 'lost'];

export interface KindSpec {
  statuses: readonly CaseStatus[];
  /** moves a person (or the system) makes by hand; resolving is separate, see `resolutions` */
  moves: Readonly<Partial<Record<CaseStatus, readonly CaseStatus[]>>>;
  /** the statuses a case may be resolved from */
  resolvableFrom: readonly CaseStatus[];
  resolutions: readonly CaseResolutionType[];
  /** lines: the case names order lines (`required`), may (`optional`) or never does (`none`) */
  lines: 'required' | 'optional' | 'none';
  /** the customer must attach photos or video before money or goods go out */
  evidence: 'required' | 'optional' | 'none';
  /** the case names a fulfillment (`data.fulfillment_id`) */
  fulfillment: boolean;
}

const working: readonly CaseStatus[] = ['open', 'waiting_customer', 'waiting_carrier'];

// Who waits for whom. A dispute is answered by sending evidence (`submitted`) and ends with the
// provider's verdict (`won` / `lost`); it may also be accepted (resolved with a refund, or closed).
export const KINDS: Readonly<Record<CaseKind, KindSpec>> = {
  cancellation: {
    statuses: ['open', 'resolved', 'closed'],
    moves: {},
    resolvableFrom: ['open'],
    resolutions: ['refund', 'none'],
    lines: 'optional',
    evidence: 'none',
    fulfillment: false,
  },
  address_change: {
    statuses: ['open', 'waiting_carrier', 'resolved', 'closed'],
    moves: { open: ['waiting_carrier'], waiting_carrier: ['open'] },
    resolvableFrom: ['open', 'waiting_carrier'],
    resolutions: ['update_address', 'reship', 'none'],
    lines: 'none',
    evidence: 'none',
    fulfillment: false,
  },
  lost_parcel: {
    statuses: ['open', 'waiting_carrier', 'waiting_customer', 'resolved', 'closed'],
    moves: {
      open: ['waiting_carrier', 'waiting_customer'],
      waiting_carrier: ['open'],
      waiting_customer: ['open'],
    },
    resolvableFrom: working,
    resolutions: ['refund', 'reship', 'store_credit', 'none'],
    lines: 'optional',
    evidence: 'none',
    fulfillment: true,
  },
  delivery_delay: {
    statuses: ['open', 'waiting_carrier', 'waiting_customer', 'resolved', 'closed'],
    moves: {
      open: ['waiting_carrier', 'waiting_customer'],
      waiting_carrier: ['open'],
      waiting_customer: ['open'],
    },
    resolvableFrom: working,
    resolutions: ['refund', 'reship', 'store_credit', 'none'],
    lines: 'optional',
    evidence: 'none',
    fulfillment: true,
  },
  item_problem: {
    statuses: ['open', 'waiting_customer', 'resolved', 'closed'],
    moves: { open: ['waiting_customer'], waiting_customer: ['open'] },
    resolvableFrom: ['open', 'waiting_customer'],
    resolutions: ['refund', 'reship', 'store_credit', 'none'],
    lines: 'required',
    evidence: 'required',
    fulfillment: false,
  },
  dispute: {
    statuses: ['open', 'submitted', 'won', 'lost', 'resolved', 'closed'],
    moves: { open: ['submitted'], submitted: ['won', 'lost'] },
    resolvableFrom: ['open'],
    resolutions: ['refund', 'none'],
    lines: 'none',
    evidence: 'optional',
    fulfillment: false,
  },
  inquiry: {
    statuses: ['open', 'waiting_customer', 'resolved', 'closed'],
    moves: { open: ['waiting_customer'], waiting_customer: ['open'] },
    resolvableFrom: ['open', 'waiting_customer'],
    resolutions: ['refund', 'store_credit', 'none'],
    lines: 'optional',
    evidence: 'optional',
    fulfillment: false,
  },
};

export function isCaseKind(value: string): value is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(value);
}

export function isFinalCaseStatus(status: string): boolean {
  return (FINAL_CASE_STATUSES as readonly string[]).includes(status);
}

/** Where a resolution leaves the case: nothing paid or sent closes it, anything else resolves it. */
export function statusAfter(resolution: CaseResolutionType): CaseStatus {
  return resolution === 'none' ? 'closed' : 'resolved';
}

/** Every status change a kind allows: the hand moves and the resolutions. */
export function nextStatuses(kind: CaseKind, from: CaseStatus): CaseStatus[] {
  const spec = KINDS[kind];
  const out = new Set<CaseStatus>(spec.moves[from] ?? []);
  if (spec.resolvableFrom.includes(from)) for (const r of spec.resolutions) out.add(statusAfter(r));
  return [...out];
}

export function assertMove(kind: CaseKind, from: CaseStatus, to: CaseStatus): void {
  if (!(KINDS[kind].moves[from] ?? []).includes(to))
    throw new AppError('illegal_transition', `A ${kind} case cannot go from ${from} to ${to}`, { from, to });
}

export function assertResolvable(kind: CaseKind, from: CaseStatus, type: CaseResolutionType): void {
  const spec = KINDS[kind];
  if (!spec.resolvableFrom.includes(from))
    throw new AppError(
      'illegal_transition',
      isFinalCaseStatus(from)
        ? `This ${kind} case is already ${from}`
        : `A ${kind} case cannot be resolved while ${from}`,
      { from, to: statusAfter(type) },
    );
  if (!spec.resolutions.includes(type))
    throw new AppError('invalid_request', `A ${kind} case is not resolved by ${type}`, {
      errors: [{ path: 'resolution.type', message: `one of ${spec.resolutions.join(', ')}` }],
    });
}
