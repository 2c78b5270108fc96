// The policy's money in the order's currency. A policy states its amounts in its own `currency`,
// optionally per currency (`*_by_currency`); an order is decided in its own currency, so before a
// decision every amount is priced: the store's amount for that currency, else the base amount
// converted at the store's rate of the day, else none. Where there is none, the amount does nothing
// (no fee charged, no keep-the-item threshold, a rule's value condition never met) and the engine
// says why; a refund ceiling that cannot be priced sends the return to a person.

import { type PricedAmount, priceIn, type RateTable } from '../currency.ts';
import type { Policy, PolicyRule } from './policy.schema.ts';

export interface PricedPolicy {
  /** the policy with every amount in `currency` */
  policy: Policy;
  currency: string;
  /** how each amount not given in `currency` was priced, by its path in the document */
  notes: ReadonlyMap<string, PricedAmount>;
}

/** An order_value condition that no order meets, for bounds that cannot be priced. */
const NEVER = Object.freeze({ min: Number.MAX_SAFE_INTEGER, max: 0 });

const cache = new WeakMap<RateTable, WeakMap<Policy, Map<string, PricedPolicy>>>();

export function pricePolicy(policy: Policy, currency: string, rates: RateTable, day: string): PricedPolicy {
  let byPolicy = cache.get(rates);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    cache.set(rates, byPolicy);
  }
  let byKey = byPolicy.get(policy);
  if (!byKey) {
    byKey = new Map();
    byPolicy.set(policy, byKey);
  }
  // In the policy's own currency no amount converts, so the day does not matter: one entry serves
  // every decision (the engine's hot path for a single-currency store).
  const key = (policy.currency ?? currency) === currency ? currency : `${currency}|${day}`;
  let hit = byKey.get(key);
  if (!hit) {
    hit = price(policy, currency, rates, day);
    if (byKey.size > 64) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}

function price(policy: Policy, currency: string, rates: RateTable, day: string): PricedPolicy {
  // A policy without a currency is read in the order's: only pure tests build one; a store's policy
  // always names its currency (filled from the store on save and on read).
  const baseCurrency = policy.currency ?? currency;
  const notes = new Map<string, PricedAmount>();
  const at: PriceAt = (path, base, by) => {
    const p = priceIn(currency, base, baseCurrency, by, rates, day);
    if (p.how !== 'given') notes.set(path, p);
    return p.amount;
  };
  const cm = policy.change_of_mind;
  const k = policy.keep_item;
  const aa = policy.auto_approve;
  const maxRefund =
    aa.max_refund === null && aa.max_refund_by_currency[currency] === undefined
      ? null
      : at('auto_approve.max_refund', aa.max_refund, aa.max_refund_by_currency);
  return {
    currency,
    notes,
    policy: {
      ...policy,
      currency,
      change_of_mind: {
        ...cm,
        return_shipping_fee:
          at(
            'change_of_mind.return_shipping_fee',
            cm.return_shipping_fee,
            cm.return_shipping_fee_by_currency,
          ) ?? 0,
      },
      keep_item: {
        ...k,
        max_unit_value: at('keep_item.max_unit_value', k.max_unit_value, k.max_unit_value_by_currency) ?? 0,
        estimated_return_cost:
          at(
            'keep_item.estimated_return_cost',
            k.estimated_return_cost,
            k.estimated_return_cost_by_currency,
          ) ?? 0,
      },
      auto_approve: { ...aa, max_refund: maxRefund },
      rules: policy.rules.map((rule, i) => priceRule(rule, i + 1, currency, at)),
    },
  };
}

type PriceAt = (
  path: string,
  base: number | null,
  by: Readonly<Record<string, number>> | undefined,
) => number | null;

function priceRule(rule: PolicyRule, n: number, currency: string, at: PriceAt): PolicyRule {
  const { when, then } = rule;
  let out = rule;
  if (then.return_shipping_fee !== undefined) {
    const path = `rules.${n}.then.return_shipping_fee`;
    const fee = at(path, then.return_shipping_fee, then.return_shipping_fee_by_currency) ?? 0;
    out = { ...out, then: { ...then, return_shipping_fee: fee } };
  } else if (then.return_shipping_fee_by_currency) {
    // a rule that names a fee only for some currencies leaves the others to the base policy
    const fee = then.return_shipping_fee_by_currency[currency];
    out = { ...out, then: { ...then, return_shipping_fee: fee } };
  }
  if (when.order_value || when.order_value_by_currency) {
    out = { ...out, when: { ...when, order_value: priceBounds(when, n, currency, at) } };
  }
  return out;
}

/** The rule's order-value bounds in `currency`: the store's own for it, else the base bounds
 *  converted; bounds that cannot be priced (or given only for other currencies) never match. */
function priceBounds(when: PolicyRule['when'], n: number, currency: string, at: PriceAt) {
  const own = when.order_value_by_currency?.[currency];
  if (own) return own;
  const base = when.order_value;
  if (!base) return NEVER;
  const bound = (side: 'min' | 'max') => {
    const v = base[side];
    return v === undefined ? undefined : at(`rules.${n}.when.order_value.${side}`, v, undefined);
  };
  const min = bound('min');
  const max = bound('max');
  if (min === null || max === null) return NEVER;
  return { min, max };
}

/** For each currency the store sells in, the policy amounts that cannot be priced in it (no amount
 *  of its own and no rate): what the console warns about. Empty lists are left out. */
export function unpricedAmounts(
  policy: Policy,
  currencies: readonly string[],
  rates: RateTable,
  day: string,
): { currency: string; fields: string[] }[] {
  const out: { currency: string; fields: string[] }[] = [];
  for (const currency of [...new Set(currencies)].sort()) {
    const { notes } = price(policy, currency, rates, day);
    const fields = [...notes].filter(([, p]) => p.how === 'unavailable').map(([path]) => path);
    if (fields.length) out.push({ currency, fields });
  }
  return out;
}
