// The reasons the customer chooses from: the normalised ones, translated here, and the store's own,
// worded by the store. Each store reason sits in the group of the reason it maps onto, because that
// decides its rules (a "does not look like the photo" is a fault, with a fault's window and postage).
import {
  CHANGE_OF_MIND_REASONS,
  isReasonCode,
  pathForReason,
  SELLER_FAULT_REASONS,
} from '@domain/reasons.ts';
import type { TFunction } from 'i18next';
import type { CustomReason } from '../api/types.ts';

export interface ReasonOption {
  code: string;
  label: string;
}

export interface ReasonGroups {
  fault: ReasonOption[];
  mind: ReasonOption[];
  other: ReasonOption[];
}

export function reasonGroups(t: TFunction, custom: CustomReason[] = []): ReasonGroups {
  const standard = (codes: readonly string[]) => codes.map((code) => ({ code, label: t(`reasons.${code}`) }));
  const own = (fault: boolean) =>
    custom.filter((r) => (pathForReason(r.maps_to) === 'seller_fault') === fault && r.maps_to !== 'other');
  return {
    fault: [...standard(SELLER_FAULT_REASONS), ...own(true)],
    mind: [...standard(CHANGE_OF_MIND_REASONS), ...own(false)],
    other: [...custom.filter((r) => r.maps_to === 'other'), ...standard(['other'])],
  };
}

/** A reason in words: translated when it is a normalised one, the store's label when it is its own. */
export function reasonLabel(t: TFunction, code: string, custom: CustomReason[] = []): string {
  if (isReasonCode(code)) return t(`reasons.${code}`);
  return custom.find((r) => r.code === code)?.label ?? code;
}

/** "Another reason" needs a few words: the store cannot act on it otherwise. */
export function needsNote(code: string | null): boolean {
  return code === 'other';
}
