import { z } from 'zod';
import { currencyCodeSchema } from '../../domain/currency.ts';
import { PRODUCT_FLAGS } from '../../domain/order.ts';
import { supplierTermsSchema } from '../../domain/suppliers/terms.ts';
import { tagsSchema } from '../../domain/tags.ts';

export const productInputSchema = z.strictObject({
  sku: z.string().min(1).max(200),
  product_group: z.string().max(200).nullable().default(null),
  title: z.string().min(1).max(500),
  variant: z.string().max(200).nullable().default(null),
  category: z.string().max(100).nullable().default(null),
  price: z.number().int().nonnegative().max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
  /** prices in other currencies (minor units), e.g. {"RUB": 450000}; others convert at the store's rates */
  prices: z
    .record(
      z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
      z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    )
    .default({}),
  weight_grams: z.number().int().nonnegative().max(1e9).nullable().default(null),
  flags: z.array(z.enum(PRODUCT_FLAGS)).default([]),
  supplier_code: z.string().max(100).nullable().default(null),
  /** what one unit costs the store from its supplier (minor units of unit_cost_currency): the
   *  amount a supplier claim asks back */
  unit_cost: z.number().int().nonnegative().max(1e12).nullable().default(null),
  unit_cost_currency: currencyCodeSchema.nullable().default(null),
  tags: tagsSchema.default([]),
  /** a picture of the item, shown to customers in the returns portal */
  image_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
});
export type ProductInput = z.output<typeof productInputSchema>;

export const supplierInputSchema = z.strictObject({
  code: z.string().min(1).max(100),
  name: z.string().min(1).max(300),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .nullable()
    .default(null),
  /** where claims and their documents go */
  email: z.email().max(300).nullable().default(null),
  /** the supplier's return terms; given, they become a new version (PUT /suppliers/{id}/terms too) */
  terms: supplierTermsSchema.optional(),
});
export type SupplierInput = z.output<typeof supplierInputSchema>;
