import { describe, expect, it } from 'vitest';
import { defaultPolicy, policySchema } from './policy.schema.ts';
import { type LineFacts, resolveEffects } from './rules.ts';

const API_DOC = {
  change_of_mind: {
    window_days: 30,
    restocking_fee_percent: 0,
    restocking_only_if_opened: true,
    return_shipping: 'customer',
    return_shipping_fee: 595,
    final_sale_returnable: false,
  },
  seller_fault: { window_days: 365, evidence_required_for: ['defective', 'damaged_in_transit'] },
  store_credit_bonus_percent: 10,
  keep_item: { max_unit_value: 0, max_return_cost_share_percent: 0 },
  auto_approve: { reasons: [], max_refund: null, exclude_segments: ['flagged'] },
  review_sla_hours: 24,
  refund_sla_business_days: 3,
  rules: [],
};

describe('policySchema', () => {
  it('accepts the API.md document as is and fills in the rest', () => {
    const p = policySchema.parse(API_DOC);
    expect(p.change_of_mind).toMatchObject(API_DOC.change_of_mind);
    expect(p.resolutions).toEqual(['refund', 'store_credit', 'exchange']);
    expect(p.return_methods).toEqual(['label', 'drop_off']);
    expect(p.keep_item.estimated_return_cost).toBe(0);
  });

  it('an empty document is the default policy: 30 days, 365 for faults, 24 h review, 3 business days', () => {
    expect(policySchema.parse({})).toEqual(defaultPolicy);
    expect(defaultPolicy.change_of_mind.window_days).toBe(30);
    expect(defaultPolicy.seller_fault.window_days).toBe(365);
    expect(defaultPolicy.review_sla_hours).toBe(24);
    expect(defaultPolicy.refund_sla_business_days).toBe(3);
    expect(Object.isFrozen(defaultPolicy.change_of_mind)).toBe(true);
  });

  it.each([
    ['an unknown top-level field', { surprise: 1 }, []],
    ['an unknown nested field', { change_of_mind: { window: 3 } }, ['change_of_mind']],
    ['a negative window', { change_of_mind: { window_days: -1 } }, ['change_of_mind', 'window_days']],
    [
      'a fee in fractions of a cent',
      { change_of_mind: { return_shipping_fee: 5.5 } },
      ['change_of_mind', 'return_shipping_fee'],
    ],
    ['a percent above 100', { store_credit_bonus_percent: 120 }, ['store_credit_bonus_percent']],
    ['an unknown resolution', { resolutions: ['cash'] }, ['resolutions', 0]],
    ['no resolution at all', { resolutions: [] }, ['resolutions']],
    ['a rule without effect', { rules: [{ when: { categories: ['x'] }, then: {} }] }, ['rules', 0, 'then']],
    [
      'a rule with an unknown condition',
      { rules: [{ when: { colour: 'red' }, then: { returnable: false } }] },
      ['rules', 0, 'when'],
    ],
    [
      'a bad country code',
      { rules: [{ when: { countries: ['DEU'] }, then: { returnable: false } }] },
      ['rules', 0, 'when', 'countries', 0],
    ],
  ])('refuses %s', (_name, doc, path) => {
    const r = policySchema.safeParse(doc);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(path);
  });

  it('derives the path of a rule from its reasons', () => {
    const p = policySchema.parse({
      rules: [
        { when: { reasons: ['defective'] }, then: { auto_approve: true } },
        { when: { reasons: ['defective', 'changed_mind'] }, then: { auto_approve: true } },
        { when: { countries: ['de'] }, then: { window_days: 60 } },
        { when: { path: 'any' }, then: { window_days: 60 } },
      ],
    });
    expect(p.rules.map((r) => r.when.path)).toEqual(['seller_fault', 'any', 'change_of_mind', 'any']);
    expect(p.rules[2]?.when.countries).toEqual(['DE']);
  });

  it('writes rule tags as stored tags are written, so " Clearance" matches clearance, and reads old ones', () => {
    const p = policySchema.parse({
      rules: [{ when: { tags: [' Clearance', 'clearance', 'VIP  Gift'] }, then: { returnable: false } }],
    });
    expect(p.rules[0]?.when.tags).toEqual(['clearance', 'vip gift']);
    // A policy saved before tags had character rules still reads: such a tag just never matches.
    const legacy = policySchema.parse({
      rules: [{ when: { tags: ['Summer, Sale'] }, then: { returnable: false } }],
    });
    expect(legacy.rules[0]?.when.tags).toEqual(['summer, sale']);
    const empty = policySchema.safeParse({ rules: [{ when: { tags: [] }, then: { returnable: false } }] });
    expect(empty.error?.issues[0]?.path).toEqual(['rules', 0, 'when', 'tags']);
  });
});

describe('rules: first match wins per effect', () => {
  const facts: LineFacts = {
    path: 'change_of_mind',
    reason: 'changed_mind',
    category: 'apparel',
    flags: ['final_sale'],
    tags: ['summer'],
    segments: ['vip'],
    country: 'US',
    orderValue: 12_000,
  };
  const rules = policySchema.parse({
    rules: [
      { when: { categories: ['shoes'] }, then: { window_days: 5, returnable: false } },
      { when: { segments: ['vip'] }, then: { window_days: 60 } },
      { when: { tags: ['summer'] }, then: { window_days: 7, restocking_fee_percent: 5 } },
      {
        when: { flags: ['final_sale'], order_value: { min: 10_000, max: 20_000 } },
        then: { returnable: true },
      },
      { when: { reasons: ['defective'] }, then: { auto_approve: false } },
    ],
  }).rules;

  it('takes each effect from the first matching rule that sets it', () => {
    expect(resolveEffects(rules, facts)).toEqual({
      window_days: { value: 60, rule: 2 },
      restocking_fee_percent: { value: 5, rule: 3 },
      returnable: { value: true, rule: 4 },
    });
  });

  it('checks the order value range (min inclusive, max exclusive), reason and path', () => {
    expect(resolveEffects(rules, { ...facts, orderValue: 20_000 }).returnable).toBeUndefined();
    expect(resolveEffects(rules, { ...facts, orderValue: 10_000 }).returnable).toEqual({
      value: true,
      rule: 4,
    });
    expect(resolveEffects(rules, { ...facts, path: 'seller_fault', reason: 'defective' })).toEqual({
      auto_approve: { value: false, rule: 5 },
    });
  });
});
