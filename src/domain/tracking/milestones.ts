// One taxonomy for where a parcel is, whatever carrier or tracking service reported it.
// carrier-status.ts maps EasyPost, 17TRACK and AfterShip vocabularies onto it.

export const MILESTONES = [
  'label_created',
  'picked_up',
  'left_origin',
  'arrived_destination',
  'in_customs',
  'duties_due',
  'held_by_customs',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'returned_to_sender',
  'exception',
] as const;
export type Milestone = (typeof MILESTONES)[number];

const milestoneSet = new Set<string>(MILESTONES);

export function isMilestone(value: unknown): value is Milestone {
  return typeof value === 'string' && milestoneSet.has(value);
}

/** A parcel that reached one of these goes nowhere the customer cares about afterwards. */
export function isFinalMilestone(m: Milestone): boolean {
  return m === 'delivered' || m === 'returned_to_sender';
}

// The normal path, in order of progress. The three customs milestones share a rank: a parcel can go
// in_customs -> duties_due -> held_by_customs or any other order while it is at the border.
const RANK: Partial<Record<Milestone, number>> = {
  label_created: 0,
  picked_up: 1,
  left_origin: 2,
  arrived_destination: 3,
  in_customs: 4,
  duties_due: 4,
  held_by_customs: 4,
  out_for_delivery: 5,
  delivered: 6,
};

/**
 * Progress along the normal path (higher is further), or null for the side states
 * failed_attempt, exception and returned_to_sender, which can happen at any point.
 */
export function milestoneRank(m: Milestone): number | null {
  return RANK[m] ?? null;
}

/** What the customer is told about. label_created, picked_up and a plain in_customs are not news to them. */
export const NOTIFIED_MILESTONES: readonly Milestone[] = [
  'left_origin',
  'arrived_destination',
  'duties_due',
  'held_by_customs',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'returned_to_sender',
  'exception',
];
const notified = new Set<Milestone>(NOTIFIED_MILESTONES);

/**
 * Whether reaching `next` after `previous` is worth a message to the customer. `previous` is the
 * milestone the parcel was last recorded at (null if none); a caller that records only what it was
 * told, or only what mapEasyPostTracker emits, is never moved back by a resent scan. Never for a repeat, never for a step backwards on the normal
 * path (carriers resend old scans), never after a final milestone (a "delivered" after
 * returned_to_sender is the delivery back to the sender).
 */
export function shouldNotify(previous: Milestone | null, next: Milestone): boolean {
  if (!notified.has(next)) return false;
  if (previous === null) return true;
  if (previous === next) return false;
  if (isFinalMilestone(previous)) return false;
  const from = milestoneRank(previous);
  const to = milestoneRank(next);
  if (from !== null && to !== null && to < from) return false;
  return true;
}

export interface TrackingEvent {
  milestone: Milestone;
  /** ISO 8601, UTC */
  at: string;
  location_country: string | null;
  /** the provider's own status words, for the record, e.g. "in_transit/arrived_at_facility" */
  carrier_status: string;
  message: string | null;
  duties?: { amount: number; currency: string } | null;
}
