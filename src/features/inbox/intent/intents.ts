/** What an inbound customer message asks for. `other` is also the answer when nothing is asked. */
export const INTENTS = [
  'where_is_my_order',
  'return_request',
  'refund_status',
  'cancel_order',
  'change_address',
  'item_problem',
  'complaint',
  'other',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
