// Where a return stands, as the customer's milestones: what is done (with when), what is next.
import type { PortalReturn, TimelineEntry } from '../api/types.ts';

export type Milestone = 'requested' | 'approved' | 'in_transit' | 'received' | 'inspected' | 'completed';

const ORDER: Milestone[] = ['requested', 'approved', 'in_transit', 'received', 'inspected', 'completed'];
/** the timeline event that marks each milestone */
const EVENT: Record<Milestone, string[]> = {
  requested: ['requested', 'withdrawal_declared'],
  approved: ['approved'],
  in_transit: ['shipped'],
  received: ['received'],
  inspected: ['inspected'],
  completed: ['resolved', 'refund_succeeded'],
};

export interface MilestoneState {
  id: Milestone;
  done: boolean;
  current: boolean;
  at: string | null;
}

export function milestones(r: PortalReturn): MilestoneState[] | null {
  if (r.status === 'rejected' || r.status === 'canceled') return null;
  // Keeping the item skips the parcel's journey.
  const path =
    r.method === 'none'
      ? ORDER.filter((m) => m === 'requested' || m === 'approved' || m === 'completed')
      : ORDER;
  const reached = path.indexOf(r.status as Milestone);
  const when = (m: Milestone) => firstAt(r.timeline, EVENT[m]) ?? (m === 'requested' ? r.requested_at : null);
  return path.map((id, i) => ({
    id,
    done: i <= reached,
    current: i === reached,
    at: i <= reached ? when(id) : null,
  }));
}

function firstAt(timeline: TimelineEntry[], types: string[]): string | null {
  return timeline.find((e) => types.includes(e.type))?.at ?? null;
}
