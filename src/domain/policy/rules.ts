// The store's ordered override rules. Each effect is decided separately: the first rule that matches
// the line AND sets that effect wins it, so a later rule can still set an effect earlier rules left alone.

import type { ProductFlag } from '../order.ts';
import type { ReasonCode, ReturnPath } from '../reasons.ts';
import type { PolicyRule, RuleEffects } from './policy.schema.ts';

export interface LineFacts {
  path: ReturnPath;
  reason: ReasonCode;
  category: string | null;
  flags: readonly ProductFlag[];
  tags: readonly string[];
  segments: readonly string[];
  country: string;
  orderValue: number;
}

/** The winning value of each effect with the 1-based number of the rule that set it. */
export type Effects = { [K in keyof RuleEffects]?: { value: NonNullable<RuleEffects[K]>; rule: number } };

const EFFECT_KEYS = [
  'window_days',
  'returnable',
  'restocking_fee_percent',
  'return_shipping_fee',
  'free_return_shipping',
  'auto_approve',
  'resolutions',
] as const satisfies readonly (keyof RuleEffects)[];

const anyOf = (wanted: readonly string[] | undefined, have: readonly string[]): boolean =>
  wanted === undefined || wanted.some((w) => have.includes(w));

export function ruleMatches(rule: PolicyRule, f: LineFacts): boolean {
  const w = rule.when;
  if (w.path !== 'any' && w.path !== f.path) return false;
  if (w.categories && (f.category === null || !w.categories.includes(f.category))) return false;
  if (!anyOf(w.flags, f.flags) || !anyOf(w.tags, f.tags) || !anyOf(w.segments, f.segments)) return false;
  if (w.countries && !w.countries.includes(f.country)) return false;
  if (w.reasons && !w.reasons.includes(f.reason)) return false;
  if (w.order_value) {
    const { min, max } = w.order_value;
    if (min !== undefined && f.orderValue < min) return false;
    if (max !== undefined && f.orderValue >= max) return false;
  }
  return true;
}

const NONE: Effects = Object.freeze({});

export function resolveEffects(rules: readonly PolicyRule[], facts: LineFacts): Effects {
  if (rules.length === 0) return NONE;
  const out: Record<string, { value: unknown; rule: number }> = {};
  let left = EFFECT_KEYS.length;
  for (let i = 0; i < rules.length && left > 0; i++) {
    const rule = rules[i] as PolicyRule;
    if (!ruleMatches(rule, facts)) continue;
    for (const k of EFFECT_KEYS) {
      const v = rule.then[k];
      if (v !== undefined && out[k] === undefined) {
        out[k] = { value: v, rule: i + 1 };
        left--;
      }
    }
  }
  return out as Effects;
}
