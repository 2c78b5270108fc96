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
  /** the last step while the money is on its way or late: not done, whatever the return's status */
  money?: 'paying' | 'delayed';
}

export function milestones(r: PortalReturn): MilestoneState[] | null {
  if (r.status === 'rejected' || r.status === 'canceled') return null;
  // Keeping the item skips the parcel's journey.
  const path =
    r.method === 'none'
      ? ORDER.filter((m) => m === 'requested' || m === 'approved' || m === 'completed')
      : ORDER;
  const money = r.refund_progress.state;
  // A completed return whose refund has not left yet stops one step short: no tick before the money.
  const unpaid = r.status === 'completed' && (money === 'being_paid' || money === 'delayed');
  const reached = path.indexOf(r.status as Milestone) - (unpaid ? 1 : 0);
  const when = (m: Milestone) => {
    if (m === 'completed' && money === 'paid') return r.refund_progress.paid_at;
    return firstAt(r.timeline, EVENT[m]) ?? (m === 'requested' ? r.requested_at : null);
  };
  return path.map((id, i) => ({
    id,
    done: i <= reached,
    current: i === reached,
    at: i <= reached ? when(id) : null,
    ...(unpaid && id === 'completed' ? { money: money === 'delayed' ? 'delayed' : 'paying' } : {}),
  }));
}

function firstAt(timeline: TimelineEntry[], types: string[]): string | null {
  return timeline.find((e) => types.includes(e.type))?.at ?? null;
}
