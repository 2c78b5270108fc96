import { z } from 'zod';
import { REASON_CODES } from '../../domain/reasons.ts';
import { DISPOSITIONS, GRADES } from '../../domain/returns/inspection.ts';
import { RETURN_STATUSES } from '../../domain/returns/lifecycle.ts';
import { normalizeTag } from '../../domain/tags.ts';

export const RETURN_METHOD_VALUES = ['label', 'drop_off', 'pickup', 'in_store', 'none'] as const;

const lineId = z.string().min(1).max(100);
const reasonCode = z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'a reason code');
const instant = z.iso.datetime({ offset: true });

export const resolutionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('refund') }),
  z.strictObject({ type: z.literal('store_credit') }),
  z.strictObject({
    type: z.literal('exchange'),
    lines: z.array(z.strictObject({ line_id: lineId, sku: z.string().min(1).max(200) })).min(1),
  }),
  z.strictObject({ type: z.literal('keep_item') }),
]);
export type ResolutionInput = z.output<typeof resolutionSchema>;

export const createReturnSchema = z.strictObject({
  order_id: z.uuid(),
  lines: z
    .array(
      z.strictObject({
        line_id: lineId,
        quantity: z.number().int().positive(),
        /** a normalised reason, or one of the store's own (policy `custom_reasons`) */
        reason: reasonCode.default('changed_mind'),
        note: z.string().max(2000).default(''),
        opened: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(500)
    .refine((ls) => new Set(ls.map((l) => l.line_id)).size === ls.length, 'each line_id once'),
  resolution: resolutionSchema.default({ type: 'refund' }),
  method: z.enum(RETURN_METHOD_VALUES).default('label'),
  language: z.string().min(2).max(10).optional(),
});
export type CreateReturnInput = z.output<typeof createReturnSchema>;

export const eligibilitySchema = z.strictObject({
  reason: reasonCode.default('changed_mind'),
  lines: z
    .array(
      z.strictObject({
        line_id: lineId,
        quantity: z.number().int().positive(),
        opened: z.boolean().default(false),
        /** this line's own reason, when it differs from the request's */
        reason: reasonCode.optional(),
      }),
    )
    .min(1)
    .max(500)
    .optional(),
  method: z.enum(RETURN_METHOD_VALUES).default('label'),
  at: instant.optional(),
  language: z.string().min(2).max(10).optional(),
  resolution: resolutionSchema.optional(),
});
export type EligibilityInput = z.output<typeof eligibilitySchema>;

export const rejectSchema = z.strictObject({
  reason_code: z.string().min(1).max(100),
  message: z.string().max(5000).default(''),
});

export const shipSchema = z.strictObject({
  carrier: z.string().min(1).max(100).optional(),
  tracking_number: z.string().min(1).max(100).optional(),
});

export const receiveSchema = z.strictObject({
  lines: z
    .array(z.strictObject({ line_id: lineId, quantity: z.number().int().positive() }))
    .min(1)
    .refine((ls) => new Set(ls.map((l) => l.line_id)).size === ls.length, 'each line_id once'),
});

export const inspectSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        line_id: lineId,
        grade: z.enum(GRADES),
        checklist: z.record(z.string().max(100), z.union([z.boolean(), z.string().max(500)])).default({}),
        disposition: z.enum(DISPOSITIONS),
        /** where a restocked or refurbished unit waits to be put away (default: main) */
        location: z.string().trim().min(1).max(100).optional(),
        deduction: z
          .strictObject({ amount: z.number().int().nonnegative(), reason: z.string().max(500).default('') })
          .refine((d) => d.amount === 0 || d.reason.trim().length > 0, {
            message: 'a deduction needs its reason',
            path: ['reason'],
          })
          .default({ amount: 0, reason: '' }),
      }),
    )
    .min(1)
    .refine((ls) => new Set(ls.map((l) => l.line_id)).size === ls.length, 'each line_id once'),
});

export const emptySchema = z.strictObject({});

/** resolve {}: pays out as the customer asked; the team may choose money back or store credit instead. */
export const resolveSchema = z.strictObject({
  resolution: z
    .strictObject({
      type: z.enum(['refund', 'store_credit']),
      /** store credit instead of what the customer asked for needs their agreement (EU law: art. 13) */
      customer_agreed: z.boolean().default(false),
    })
    .optional(),
});

export const returnListQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(RETURN_STATUSES)).optional()),
  order_id: z.uuid().optional(),
  rma: z.string().max(20).optional(),
  q: z.string().trim().min(1).max(320).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  reason: z.enum(REASON_CODES).optional(),
  segment: z.string().min(1).max(50).transform(normalizeTag).optional(),
  from: instant.optional(),
  to: instant.optional(),
  refund_overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** me: the signed-in user's; none: nobody's; or a staff user's id */
  assignee: z.union([z.enum(['me', 'none']), z.uuid()]).optional(),
  sort: z.enum(['newest', 'oldest', 'sla']).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
