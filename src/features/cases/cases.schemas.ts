// The HTTP shapes of cases other than returns (API.md "Cases other than returns"); unknown fields are
// refused like everywhere else.
import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES, ITEM_PROBLEM_REASONS } from '../../domain/cases/kinds.ts';
import { currencyCodeSchema } from '../../domain/currency.ts';
import { addressSchema } from '../orders/orders.schemas.ts';

const minor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const caseLines = z
  .array(
    z.strictObject({ line_id: z.string().min(1).max(100), quantity: z.number().int().min(1).max(100_000) }),
  )
  .min(1)
  .max(500)
  .refine((ls) => new Set(ls.map((l) => l.line_id)).size === ls.length, 'each line once');
const text = (max: number) => z.string().trim().max(max);
const fulfillmentRef = z.strictObject({ fulfillment_id: z.string().min(1).max(100) });

const base = {
  order_id: z.uuid(),
  lines: caseLines.optional(),
  language: z.string().min(2).max(20).optional(),
};

export const createCaseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('cancellation'),
    data: z.strictObject({ reason: text(500).default('') }).prefault({}),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('address_change'),
    data: z.strictObject({ shipping_address: addressSchema }),
  }),
  z.strictObject({ ...base, kind: z.literal('lost_parcel'), data: fulfillmentRef }),
  z.strictObject({ ...base, kind: z.literal('delivery_delay'), data: fulfillmentRef }),
  z.strictObject({
    ...base,
    kind: z.literal('item_problem'),
    data: z.strictObject({ reason: z.enum(ITEM_PROBLEM_REASONS), note: text(2000).default('') }),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('dispute'),
    data: z.strictObject({
      provider: z.string().min(1).max(50),
      provider_dispute_id: z.string().min(1).max(200).nullable().default(null),
      amount: minor,
      currency: currencyCodeSchema,
      reason: z.string().min(1).max(100),
      evidence_due_by: z.iso.datetime({ offset: true }).nullable().default(null),
    }),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('inquiry'),
    data: z.strictObject({ subject: text(300).default(''), message: text(20_000).default('') }).prefault({}),
  }),
]);
export type CreateCaseInput = z.output<typeof createCaseSchema>;

export const resolutionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('refund'),
    /** a partial refund or goodwill; without it, the full amount the case concerns */
    amount: minor.optional(),
    /** money beyond what the case concerns, for the trouble (held to the role's ceiling) */
    goodwill: z.boolean().default(false),
    message: text(2000).optional(),
  }),
  z.strictObject({ type: z.literal('reship'), message: text(2000).optional() }),
  z.strictObject({
    type: z.literal('store_credit'),
    amount: minor,
    goodwill: z.boolean().default(false),
    message: text(2000).optional(),
  }),
  z.strictObject({
    type: z.literal('update_address'),
    /** the address to ship to; an address change case's own when left out */
    shipping_address: addressSchema.optional(),
    message: text(2000).optional(),
  }),
  z.strictObject({ type: z.literal('none'), message: text(2000).min(1) }),
]);
export type CaseResolution = z.output<typeof resolutionSchema>;

export const resolveCaseSchema = z.strictObject({ resolution: resolutionSchema });

export const moveCaseSchema = z.strictObject({
  to: z.enum(['open', 'waiting_customer', 'waiting_carrier']),
  message: text(2000).optional(),
});

export const offerSchema = z.strictObject({
  resolution: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('refund'), amount: minor.optional() }),
    z.strictObject({ type: z.literal('reship') }),
    z.strictObject({ type: z.literal('store_credit'), amount: minor }),
  ]),
  message: text(2000).default(''),
});

export const interceptSchema = z.strictObject({
  outcome: z.enum(['requested', 'succeeded', 'failed']),
  carrier_reference: z.string().max(200).optional(),
  note: text(2000).optional(),
});

export const disputeStepSchema = z.strictObject({
  status: z.enum(['submitted', 'won', 'lost']),
  note: text(2000).optional(),
});

export const caseListQuery = z.strictObject({
  kind: z.enum([...CASE_KINDS, 'return']).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  order_id: z.uuid().optional(),
  /** only cases still being worked (not final) */
  open: z.enum(['true', 'false']).optional(),
  sort: z.enum(['sla', 'due', 'newest']).default('newest'),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
