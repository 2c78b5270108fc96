import { z } from 'zod';
import { PRODUCT_FLAGS } from '../../domain/order.ts';
import { segmentsSchema, tagsSchema } from '../../domain/tags.ts';

// Bounds that keep every total an exact integer (below 2^53) and every count inside PostgreSQL's
// integer: a trillion minor units a line, a million units.
const minor = z.number().int().nonnegative().max(1e12);
const units = z.number().int().positive().max(1_000_000);
const instant = z.iso.datetime({ offset: true });
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code')
  .transform((c) => c.toUpperCase());
const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code');

// Every text has a ceiling: a value of kilobytes is never a real name or number, and one over
// PostgreSQL's index row size (~2.7 KB) answered 500 where an index covers the column.
const text = (max: number) => z.string().max(max);
/** RFC 5321: a forward path holds at most 254 characters of address. */
export const emailSchema = z.email().max(254);

export const addressSchema = z.strictObject({
  name: text(200).min(1),
  line1: text(200).min(1),
  line2: text(200).nullable().default(null),
  city: text(100).min(1),
  region: text(100).nullable().default(null),
  postal_code: text(20).nullable().default(null),
  country,
});

// Building a DateTimeFormat costs ~50 µs, most of an imported order's validation: zones found
// valid are remembered (there are some 600 of them, so the set stays small).
const knownZones = new Set<string>();
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      if (knownZones.has(tz)) return true;
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        if (knownZones.size < 5000) knownZones.add(tz);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown IANA time zone' },
  );

export const orderLineSchema = z.strictObject({
  id: z.string().min(1).max(100),
  sku: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  variant: text(200).nullable().default(null),
  category: text(100).nullable().default(null),
  quantity: units,
  unit_price: minor,
  discount: minor.default(0),
  tax: minor.default(0),
  flags: z.array(z.enum(PRODUCT_FLAGS)).default([]),
  supplier: text(100).nullable().default(null),
  no_reason_return_waived: z.boolean().default(false),
  /** the product's tags as the store had them when the order was placed */
  tags: tagsSchema.default([]),
});

export const fulfillmentSchema = z.strictObject({
  id: z.string().min(1).max(100),
  lines: z.array(z.strictObject({ line_id: text(100).min(1), quantity: units })).min(1),
  carrier: text(100).nullable().default(null),
  tracking_number: text(100).nullable().default(null),
  shipped_at: instant.nullable().default(null),
  delivered_at: instant.nullable().default(null),
  /** where the parcel left from (ISO 3166-1 alpha-2), for the route's late and lost thresholds */
  origin_country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code')
    .transform((c) => c.toUpperCase())
    .nullable()
    .default(null),
});

export const orderInputSchema = z
  .strictObject({
    external_id: z.string().min(1).max(200).nullable().default(null),
    number: z.string().min(1).max(100),
    channel: z.string().min(1).max(50).default('api'),
    currency,
    placed_at: instant,
    return_terms_disclosed: z.boolean().default(true),
    customer: z.strictObject({
      email: emailSchema,
      name: text(200).nullable().default(null),
      phone: text(50).nullable().default(null),
      language: z.string().min(2).max(10).nullable().default(null),
      time_zone: timeZoneSchema.nullable().default(null),
      segments: segmentsSchema.default([]),
    }),
    shipping_address: addressSchema,
    lines: z.array(orderLineSchema).min(1).max(500),
    discounts: z
      .array(z.strictObject({ code: text(100).nullable().default(null), amount: minor }))
      .max(100)
      .default([]),
    shipping: z.strictObject({ amount: minor, tax: minor.default(0) }).default({ amount: 0, tax: 0 }),
    payments: z
      .array(
        z.strictObject({
          provider: text(50).min(1),
          reference: text(200).nullable().default(null),
          amount: minor,
        }),
      )
      .max(100)
      .default([]),
    fulfillments: z.array(fulfillmentSchema).max(500).default([]),
    tags: tagsSchema.default([]),
  })
  .superRefine((o, ctx) => {
    const ids = new Set<string>();
    o.lines.forEach((l, i) => {
      if (ids.has(l.id))
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'id'], message: 'duplicate line id' });
      ids.add(l.id);
      if (l.discount > l.unit_price * l.quantity)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'discount'],
          message: 'discount exceeds the line amount',
        });
    });
    const lineQty = new Map(o.lines.map((l) => [l.id, l.quantity]));
    const shipped = new Map<string, number>();
    const fulfillmentIds = new Set<string>();
    o.fulfillments.forEach((f, fi) => {
      if (fulfillmentIds.has(f.id))
        ctx.addIssue({
          code: 'custom',
          path: ['fulfillments', fi, 'id'],
          message: 'duplicate fulfillment id',
        });
      fulfillmentIds.add(f.id);
      f.lines.forEach((fl, li) => {
        if (!lineQty.has(fl.line_id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['fulfillments', fi, 'lines', li, 'line_id'],
            message: 'unknown line id',
          });
          return;
        }
        shipped.set(fl.line_id, (shipped.get(fl.line_id) ?? 0) + fl.quantity);
        if ((shipped.get(fl.line_id) ?? 0) > (lineQty.get(fl.line_id) ?? 0))
          ctx.addIssue({
            code: 'custom',
            path: ['fulfillments', fi, 'lines', li, 'quantity'],
            message: 'more than ordered',
          });
      });
      if (f.delivered_at && f.shipped_at && Date.parse(f.delivered_at) < Date.parse(f.shipped_at))
        ctx.addIssue({
          code: 'custom',
          path: ['fulfillments', fi, 'delivered_at'],
          message: 'delivered before shipped',
        });
    });
    const merchandise = o.lines.reduce((s, l) => s + l.unit_price * l.quantity - l.discount, 0);
    const orderDiscount = o.discounts.reduce((s, d) => s + d.amount, 0);
    if (orderDiscount > merchandise)
      ctx.addIssue({
        code: 'custom',
        path: ['discounts'],
        message: 'order discounts exceed the merchandise amount',
      });
  });

export type OrderInput = z.output<typeof orderInputSchema>;
