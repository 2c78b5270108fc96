// A store's own return reasons ("too itchy", "not like the photo") are kept as the customer chose
// them and decided as the normalised reason they map onto.
import { isReasonCode, type ReasonCode } from '../reasons.ts';
import type { Policy } from './policy.schema.ts';

export interface ResolvedReason {
  reason: ReasonCode;
  /** the store's own code, when the customer chose one */
  store_reason: string | null;
}

/** Null when the code is neither a normalised reason nor one of the store's. */
export function resolveReason(code: string, policy: Pick<Policy, 'custom_reasons'>): ResolvedReason | null {
  if (isReasonCode(code)) return { reason: code, store_reason: null };
  const custom = policy.custom_reasons.find((r) => r.code === code);
  return custom ? { reason: custom.maps_to, store_reason: custom.code } : null;
}
