// The request bodies of disposition by cost and put-away (the cost tables' schema is the domain's).
import { z } from 'zod';

export const lineParams = z.object({ id: z.uuid(), line_id: z.string().min(1).max(200) });

export const actualCostSchema = z.strictObject({
  /** what the route cost in the end, less what it recovered (minor units; negative: it earned) */
  amount: z.number().int().min(-100_000_000).max(100_000_000),
  /** default: the currency the expected cost was recorded in */
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((c) => c.toUpperCase())
    .optional(),
  note: z.string().max(1000).default(''),
});

export const putAwaySchema = z.strictObject({
  lines: z
    .array(z.strictObject({ case_id: z.uuid(), line_id: z.string().min(1).max(200) }))
    .min(1)
    .max(500),
});
