// A supplier's own return terms as data: whether it takes units back at all, for how long and from
// when, for which reasons, what it charges and wants as evidence, where the units go and who pays the
// way there, what it gives back, and by when a claim must reach it. Per-SKU overrides sit beside the
// supplier's defaults (a supplier that takes back its cables for 30 days and its batteries never).
// Field names are fixed by ../shared/API.md ("Suppliers").
import { z } from 'zod';
import { currencyCodeSchema } from '../currency.ts';

export const WINDOW_FROM = ['delivery', 'receipt_by_store'] as const;
export const SUPPLIER_REASONS = ['seller_fault', 'any'] as const;
export const SUPPLIER_EVIDENCE = ['photos', 'video', 'unboxing_video', 'inspection_report'] as const;
export const REMEDIES = ['credit', 'replacement', 'refund'] as const;

const days = z.number().int().min(0).max(3650);

export const supplierAddressSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  line1: z.string().trim().min(1).max(300),
  line2: z.string().trim().max(300).default(''),
  city: z.string().trim().min(1).max(200),
  postal_code: z.string().trim().max(40).default(''),
  region: z.string().trim().max(100).default(''),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 country code such as CN')
    .transform((c) => c.toUpperCase()),
});

/** What may differ per SKU: everything but the currency and the address book. */
const overridable = {
  accepts_returns: z.boolean(),
  window_days: days,
  window_from: z.enum(WINDOW_FROM),
  reasons: z.enum(SUPPLIER_REASONS),
  restocking_fee_percent: z.number().min(0).max(100),
  evidence: z.array(z.enum(SUPPLIER_EVIDENCE)).max(SUPPLIER_EVIDENCE.length),
  return_shipping_paid_by: z.enum(['store', 'supplier']),
  remedy: z.enum(REMEDIES),
  claim_deadline_days: days,
  /** a parcel lost on the way to the customer is the supplier's (it shipped it) */
  covers_lost_parcels: z.boolean(),
};

const skuOverrideSchema = z.strictObject(overridable).partial();

export const supplierTermsSchema = z.strictObject({
  accepts_returns: overridable.accepts_returns.default(true),
  window_days: overridable.window_days.default(30),
  window_from: overridable.window_from.default('delivery'),
  reasons: overridable.reasons.default('seller_fault'),
  restocking_fee_percent: overridable.restocking_fee_percent.default(0),
  evidence: overridable.evidence.default(['photos']),
  return_address: supplierAddressSchema.nullable().default(null),
  return_shipping_paid_by: overridable.return_shipping_paid_by.default('store'),
  remedy: overridable.remedy.default('credit'),
  claim_deadline_days: overridable.claim_deadline_days.default(30),
  covers_lost_parcels: overridable.covers_lost_parcels.default(true),
  /** the currency the supplier bills and credits in */
  currency: currencyCodeSchema,
  sku_overrides: z.record(z.string().min(1).max(200), skuOverrideSchema).default({}),
});
export type SupplierTerms = z.output<typeof supplierTermsSchema>;
export type SupplierTermsInput = z.input<typeof supplierTermsSchema>;

/** The terms one SKU is held to: the supplier's defaults with that SKU's overrides on top. */
export type EffectiveTerms = Omit<SupplierTerms, 'sku_overrides'> & { overridden: string[] };

export function termsForSku(terms: SupplierTerms, sku: string | null): EffectiveTerms {
  const { sku_overrides, ...base } = terms;
  const o = sku ? sku_overrides[sku] : undefined;
  if (!o) return { ...base, overridden: [] };
  const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { ...base, ...defined, overridden: Object.keys(defined).sort() };
}

/** Terms stored before they had a schema (free-form `{}`) read as "nothing agreed": no returns. */
export function readStoredTerms(document: unknown, fallbackCurrency: string): SupplierTerms | null {
  if (!document || typeof document !== 'object' || Object.keys(document).length === 0) return null;
  const parsed = supplierTermsSchema.safeParse({ currency: fallbackCurrency, ...document });
  return parsed.success ? parsed.data : null;
}
