// The terms' choices, from the domain's own lists, as options for the console's selects.
import {
  SUPPLIER_EVIDENCE as EVIDENCE,
  SUPPLIER_REASONS as REASONS,
  REMEDIES,
  WINDOW_FROM,
} from '@domain/suppliers/terms.ts';
import type { TFunction } from 'i18next';

export { EVIDENCE, REASONS, REMEDIES, WINDOW_FROM };
export const PAID_BY = ['store', 'supplier'] as const;

/** What a SKU may override, and how its value is typed. */
export const OVERRIDABLE = {
  accepts_returns: 'boolean',
  window_days: 'number',
  window_from: 'window_from',
  reasons: 'reasons',
  restocking_fee_percent: 'number',
  evidence: 'evidence',
  return_shipping_paid_by: 'paid_by',
  remedy: 'remedy',
  claim_deadline_days: 'number',
  covers_lost_parcels: 'boolean',
} as const;
export type OverrideField = keyof typeof OVERRIDABLE;

export function optionsOf(t: TFunction, field: string): { value: string; label: string }[] {
  const list =
    field === 'window_from'
      ? WINDOW_FROM.map((v) => ({ value: v, label: t(`suppliers.windowFrom.${v}`) }))
      : field === 'reasons'
        ? REASONS.map((v) => ({ value: v, label: t(`suppliers.reasons.${v}`) }))
        : field === 'remedy'
          ? REMEDIES.map((v) => ({ value: v, label: t(`suppliers.remedy.${v}`) }))
          : field === 'return_shipping_paid_by'
            ? PAID_BY.map((v) => ({ value: v, label: t(`suppliers.paidBy.${v}`) }))
            : [];
  return list;
}
