// A store's return policy: a versioned JSON document (API.md "Policy"), validated here with zod.
// Unknown fields are refused; every field has a default, so `{}` is a complete, sane policy.
// The document states what the store offers; the engine raises it to the destination's legal floor.

import { z } from 'zod';
import { currencyCodeSchema } from '../currency.ts';
import { PRODUCT_FLAGS } from '../order.ts';
import { REASON_CODES, SELLER_FAULT_REASONS } from '../reasons.ts';
import { normalizeTag, policySegmentsSchema } from '../tags.ts';

export const OFFERED_RESOLUTIONS = ['refund', 'store_credit', 'exchange'] as const;
export const RETURN_METHODS = ['label', 'drop_off', 'pickup', 'in_store'] as const;
export type RulePath = 'change_of_mind' | 'seller_fault' | 'any';

const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const percent = z.number().min(0).max(100);
const days = z.number().int().min(0).max(3650);
const flags = z.array(z.enum(PRODUCT_FLAGS));
const resolutions = z.array(z.enum(OFFERED_RESOLUTIONS)).min(1);
const strings = z.array(z.string().min(1).max(100)).min(1);
/** ISO 4217 code as a record key, written in capitals as stored */
const currencyKey = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code in capitals, such as JPY');
/** the store's own amount per currency, beside a base amount in the policy's `currency`:
 *  `{ "JPY": 800 }` is ¥800 on Japanese-yen orders; other currencies convert the base amount */
const byCurrency = z.record(currencyKey, minor);

const changeOfMind = z.strictObject({
  window_days: days.default(30),
  restocking_fee_percent: percent.default(0),
  restocking_only_if_opened: z.boolean().default(true),
  return_shipping: z.enum(['customer', 'merchant']).default('customer'),
  /** deducted when the customer pays the return shipping and uses the store's label */
  return_shipping_fee: minor.default(595),
  return_shipping_fee_by_currency: byCurrency.default({}),
  final_sale_returnable: z.boolean().default(false),
  /** flags the store does not take back for a change of mind (the law may still oblige it) */
  non_returnable_flags: flags.default(['personalized', 'perishable', 'digital']),
  /** flags the store does not take back once the item was opened */
  non_returnable_when_opened: flags.default(['sealed_hygiene', 'sealed_media']),
});

const sellerFault = z.strictObject({
  window_days: days.default(365),
  evidence_required_for: z.array(z.enum(SELLER_FAULT_REASONS)).default(['defective', 'damaged_in_transit']),
});

const keepItem = z.strictObject({
  /** refund without a return when a unit paid less than this; 0 turns it off */
  max_unit_value: minor.default(0),
  max_unit_value_by_currency: byCurrency.default({}),
  /** ... or when the return would cost more than this percent of the returned units' value; 0 = off */
  max_return_cost_share_percent: percent.default(0),
  /** what one return shipment costs the store, for the share test above */
  estimated_return_cost: minor.default(0),
  estimated_return_cost_by_currency: byCurrency.default({}),
});

const autoApprove = z.strictObject({
  /** empty: no condition on the reason */
  reasons: z.array(z.enum(REASON_CODES)).default([]),
  /** null: no ceiling */
  max_refund: minor.nullable().default(null),
  /** a ceiling per currency; with `max_refund: null` only these currencies have one */
  max_refund_by_currency: byCurrency.default({}),
  exclude_segments: policySegmentsSchema.default(['flagged']),
});

/** A route between countries: `from` (origin, when known) and `to` (destination), each a list of
 *  ISO codes or the region "EU"; an empty or absent list matches any country. */
const countryList = z
  .array(z.string().regex(/^([A-Za-z]{2}|EU)$/, 'ISO 3166-1 alpha-2 country code, or EU'))
  .transform((cs) => cs.map((c) => c.toUpperCase()));
const route = { from: countryList.optional(), to: countryList.optional() };

const caseSla = z.strictObject({
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** calendar hours, or business hours in the store's time zone (see `business_hours`) */
  clock: z.enum(['calendar', 'business']).default('calendar'),
});
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 09:00');

const casesPolicy = z.strictObject({
  /** how soon a person must have acted on a new case, per kind */
  sla: z
    .strictObject({
      cancellation: caseSla.default({ hours: 4, clock: 'business' }),
      address_change: caseSla.default({ hours: 4, clock: 'business' }),
      // one working day
      lost_parcel: caseSla.default({ hours: 9, clock: 'business' }),
      delivery_delay: caseSla.default({ hours: 9, clock: 'business' }),
      item_problem: caseSla.default({ hours: 24, clock: 'calendar' }),
      dispute: caseSla.default({ hours: 48, clock: 'calendar' }),
      inquiry: caseSla.default({ hours: 24, clock: 'calendar' }),
    })
    .prefault({}),
  /** the team's working hours in the store's time zone, for business-hour SLAs */
  business_hours: z
    .strictObject({
      start: hhmm.default('09:00'),
      end: hhmm.default('18:00'),
      /** ISO weekdays, 1 = Monday */
      days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    })
    .refine((b) => b.start < b.end, { message: 'start must be before end' })
    .prefault({}),
  /** a cancellation before shipment is carried out at once (else a person decides) */
  auto_cancel_unshipped: z.boolean().default(true),
  /** an address change before shipment is applied at once (else a person decides) */
  auto_update_address_unshipped: z.boolean().default(true),
  /** days after shipment without delivery after which a parcel counts as late, then as lost; the
   *  first matching route wins, else the default */
  delivery_delay: z
    .strictObject({
      after_days: days.default(14),
      routes: z
        .array(z.strictObject({ ...route, after_days: days }))
        .max(100)
        .default([]),
    })
    .prefault({}),
  lost_parcel: z
    .strictObject({
      after_days: days.default(30),
      routes: z
        .array(z.strictObject({ ...route, after_days: days }))
        .max(100)
        .default([{ to: ['BR'], after_days: 45 }]),
    })
    .prefault({}),
  /** open late and lost parcel cases by themselves when a shipment crosses the threshold */
  open_shipment_cases: z.boolean().default(true),
  /** item problems: up to what value of the affected units no return is asked for (0: always ask
   *  for the item back before money goes out); first matching destination wins */
  item_problem: z
    .strictObject({
      no_return_up_to: minor.default(0),
      no_return_up_to_by_currency: byCurrency.default({}),
      routes: z
        .array(
          z.strictObject({
            to: countryList,
            no_return_up_to: minor,
            no_return_up_to_by_currency: byCurrency.default({}),
          }),
        )
        .max(100)
        .default([]),
    })
    .prefault({}),
  /** goodwill (a refund or credit beyond what the case concerns): the most each role may give per
   *  case, in the policy's currency (null: no ceiling but what was paid) */
  goodwill: z
    .strictObject({
      max_by_role: z
        .strictObject({
          owner: minor.nullable().default(null),
          agent: minor.nullable().default(2000),
          finance: minor.nullable().default(10000),
        })
        .prefault({}),
    })
    .prefault({}),
});

const orderValue = z.strictObject({ min: minor.optional(), max: minor.optional() });

const sellerFaultReasons = new Set<string>(SELLER_FAULT_REASONS);

const ruleWhen = z
  .strictObject({
    /** which return path the rule is for; derived from `reasons` when absent, else change of mind */
    path: z.enum(['change_of_mind', 'seller_fault', 'any']).optional(),
    categories: strings.optional(),
    flags: flags.min(1).optional(),
    /**
     * Written as stored tags are (trimmed, lower case), so "Clearance" matches `clearance`. Not held to
     * the stored tags' character rules: a policy saved before them must still read (every read
     * re-parses it), and a tag no order can carry simply never matches.
     */
    tags: z
      .array(z.string().overwrite(normalizeTag).min(1).max(100))
      .min(1)
      .transform((tags) => [...new Set(tags)])
      .optional(),
    segments: policySegmentsSchema.min(1).optional(),
    countries: z
      .array(z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code'))
      .min(1)
      .transform((cs) => cs.map((c) => c.toUpperCase()))
      .optional(),
    /** order total (what the customer paid): min inclusive, max exclusive, in minor units */
    order_value: orderValue.optional(),
    /** the same bounds per currency; an order in a currency with neither these nor a rate for the
     *  base bounds never matches */
    order_value_by_currency: z.record(currencyKey, orderValue).optional(),
    reasons: z.array(z.enum(REASON_CODES)).min(1).optional(),
  })
  .transform(({ path, ...rest }) => ({ ...rest, path: path ?? derivePath(rest.reasons) }));

function derivePath(reasons: readonly string[] | undefined): RulePath {
  if (!reasons) return 'change_of_mind';
  const faults = reasons.filter((r) => sellerFaultReasons.has(r)).length;
  if (faults === reasons.length) return 'seller_fault';
  return faults === 0 ? 'change_of_mind' : 'any';
}

const ruleThen = z
  .strictObject({
    window_days: days.optional(),
    returnable: z.boolean().optional(),
    restocking_fee_percent: percent.optional(),
    return_shipping_fee: minor.optional(),
    return_shipping_fee_by_currency: byCurrency.optional(),
    free_return_shipping: z.boolean().optional(),
    auto_approve: z.boolean().optional(),
    resolutions: resolutions.optional(),
  })
  .refine((t) => Object.values(t).some((v) => v !== undefined), {
    message: 'a rule needs at least one effect',
  });

export const ruleSchema = z.strictObject({
  name: z.string().max(200).optional(),
  when: ruleWhen.prefault({}),
  then: ruleThen,
});

export const policySchema = z.strictObject({
  /**
   * The currency of every base amount in the document (fees, ceilings, thresholds). Saved with the
   * store's currency when left out. Orders in another currency use the `*_by_currency` amount for
   * theirs, else the base amount converted at the store's exchange rate of the day, else none.
   */
  currency: currencyCodeSchema.optional(),
  change_of_mind: changeOfMind.prefault({}),
  seller_fault: sellerFault.prefault({}),
  resolutions: resolutions.default(['refund', 'store_credit', 'exchange']),
  store_credit_bonus_percent: percent.default(10),
  /** days a store credit code granted by a return or a case stays spendable (null: it never
   *  expires); a code issued by hand sets its own date */
  store_credit_valid_days: z.number().int().min(1).max(3650).nullable().default(null),
  keep_item: keepItem.prefault({}),
  auto_approve: autoApprove.prefault({}),
  review_sla_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(24),
  refund_sla_business_days: z.number().int().min(0).max(60).default(3),
  return_methods: z.array(z.enum(RETURN_METHODS)).min(1).default(['label', 'drop_off']),
  /** ordered overrides: for each effect, the first matching rule that sets it wins */
  rules: z.array(ruleSchema).max(200).default([]),
  /** every after-sales case that is not a return: SLAs, thresholds, ceilings */
  cases: casesPolicy.prefault({}),
  /** the store's own reasons, each mapped onto a normalised one that decides its path */
  custom_reasons: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'lowercase letters, digits and _'),
        maps_to: z.enum(REASON_CODES),
        /** what the customer reads, per language (en, de, zh-Hans ...) */
        label: z.record(z.string().min(2).max(10), z.string().min(1).max(200)).default({}),
      }),
    )
    .max(100)
    .default([])
    .superRefine((reasons, ctx) => {
      const seen = new Set<string>(REASON_CODES);
      reasons.forEach((r, i) => {
        if (seen.has(r.code))
          ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `"${r.code}" is already a reason` });
        seen.add(r.code);
      });
    }),
});

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type PolicyRule = Policy['rules'][number];
export type RuleEffects = PolicyRule['then'];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The policy of a store that has not written its own: 30 days to change one's mind, 365 for faults. */
export const defaultPolicy: Policy = deepFreeze(policySchema.parse({}));
