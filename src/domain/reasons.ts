// The normalised reason taxonomy. Stores may add their own reasons, each mapped onto one of these.

export const SELLER_FAULT_REASONS = [
  'defective',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'not_as_described',
  'arrived_late',
] as const;

export const CHANGE_OF_MIND_REASONS = [
  'changed_mind',
  'size_too_small',
  'size_too_large',
  'style',
  'color',
  'better_price',
  'ordered_by_mistake',
] as const;

export const REASON_CODES = [...SELLER_FAULT_REASONS, ...CHANGE_OF_MIND_REASONS, 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type ReturnPath = 'change_of_mind' | 'seller_fault';

const sellerFault = new Set<string>(SELLER_FAULT_REASONS);

export function pathForReason(reason: ReasonCode): ReturnPath {
  return sellerFault.has(reason) ? 'seller_fault' : 'change_of_mind';
}

export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}
