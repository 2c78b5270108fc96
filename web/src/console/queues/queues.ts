// The queues match who does the work next: agents review, the warehouse receives and inspects,
// finance refunds. Each is a saved query on GET /api/v1/returns.
import type { Role } from '@domain/roles.ts';
import {
  type Icon,
  IconAlarm,
  IconBarcode,
  IconCash,
  IconClipboardCheck,
  IconInbox,
  IconTruckDelivery,
} from '@tabler/icons-react';
import type { ReturnListParams } from '../../api/returns.ts';
import type { QueueCounts } from '../../api/types.ts';

export const QUEUE_KEYS = ['review', 'awaiting', 'receive', 'inspect', 'refund', 'overdue'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

export interface Queue {
  key: QueueKey;
  icon: Icon;
  params: ReturnListParams;
  /** the deadline the queue is worked against */
  due: 'sla_due_at' | 'refund_due_at' | null;
  /** the receiving desk: a scan box for the RMA printed on the parcel */
  scan?: boolean;
  /** its number in GET /returns/counts, for the navigation badge */
  count: keyof QueueCounts;
}

// One page is enough for a queue a team works through; the search box finds the rest.
export const QUEUE_LIMIT = '100';

export const QUEUES: Record<QueueKey, Queue> = {
  review: {
    key: 'review',
    icon: IconInbox,
    params: { status: 'requested', sort: 'sla' },
    due: 'sla_due_at',
    count: 'needs_review',
  },
  awaiting: {
    key: 'awaiting',
    icon: IconTruckDelivery,
    params: { status: 'approved,in_transit', sort: 'oldest' },
    due: null,
    count: 'awaiting_parcel',
  },
  receive: {
    key: 'receive',
    icon: IconBarcode,
    params: { status: 'in_transit', sort: 'oldest' },
    due: null,
    scan: true,
    count: 'to_receive',
  },
  inspect: {
    key: 'inspect',
    icon: IconClipboardCheck,
    params: { status: 'received', sort: 'oldest' },
    due: null,
    count: 'to_inspect',
  },
  refund: {
    key: 'refund',
    icon: IconCash,
    params: { status: 'inspected', sort: 'oldest' },
    due: 'refund_due_at',
    count: 'to_refund',
  },
  overdue: {
    key: 'overdue',
    icon: IconAlarm,
    params: { refund_overdue: 'true', sort: 'oldest' },
    due: 'refund_due_at',
    count: 'refund_overdue',
  },
};

export const queueParams = (queue: Queue): ReturnListParams => ({ ...queue.params, limit: QUEUE_LIMIT });

/** Where each role starts its day. */
export const HOME_QUEUE: Record<Role, QueueKey> = {
  owner: 'review',
  agent: 'review',
  warehouse: 'receive',
  finance: 'refund',
  read_only: 'review',
};

export function isQueueKey(value: string | undefined): value is QueueKey {
  return (QUEUE_KEYS as readonly (string | undefined)[]).includes(value);
}
