// The terms' choices, from the domain's own lists, as options for the console's selects.
import {
  SUPPLIER_EVIDENCE as EVIDENCE,
  SUPPLIER_REASONS as REASONS,
  REMEDIES,
  WINDOW_FROM,
} from '@domain/suppliers/terms.ts';
import type { TFunction } from 'i18next';
import type { Terms } from './api.ts';

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

/** One exception as the table edits it: a SKU, one term, its value. */
export interface OverrideRow {
  sku: string;
  field: OverrideField;
  value: unknown;
}

export function rowsOf(overrides: Terms['sku_overrides']): OverrideRow[] {
  return Object.entries(overrides).flatMap(([sku, o]) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([field, value]) => ({ sku, field: field as OverrideField, value })),
  );
}

export function overridesOf(rows: OverrideRow[]): Terms['sku_overrides'] {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows) {
    const sku = r.sku.trim();
    if (!sku) continue;
    out[sku] = { ...out[sku], [r.field]: r.value };
  }
  return out as Terms['sku_overrides'];
}

/** What a supplier without terms starts from in the form: the domain schema's defaults. */
export function defaultTerms(currency: string): Terms {
  return {
    accepts_returns: true,
    window_days: 30,
    window_from: 'delivery',
    reasons: 'seller_fault',
    restocking_fee_percent: 0,
    evidence: ['photos'],
    return_address: null,
    return_shipping_paid_by: 'store',
    remedy: 'credit',
    claim_deadline_days: 30,
    covers_lost_parcels: true,
    currency,
    sku_overrides: {},
  };
}
