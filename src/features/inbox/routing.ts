// Where an inbound message sends its case: how soon a person must look (priority) and which
// reply the agent is offered, in the customer's language.
import type { Intent } from './intent/intents.ts';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const BY_INTENT: Record<Intent, Priority> = {
  complaint: 'urgent',
  item_problem: 'high',
  cancel_order: 'high',
  change_address: 'high',
  where_is_my_order: 'normal',
  refund_status: 'normal',
  return_request: 'normal',
  other: 'normal',
};

/** A cancellation or a new address is urgent while the parcel has not left; a complaint always is. */
export function priorityOf(intent: Intent): Priority {
  return BY_INTENT[intent] ?? 'normal';
}
