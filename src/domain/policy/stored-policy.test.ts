import { describe, expect, it } from 'vitest';
import { policySchema } from './policy.schema.ts';
import { readStoredPolicy } from './stored-policy.ts';

describe('reading a stored policy version', () => {
  it('reads a valid document unchanged', () => {
    const doc = { change_of_mind: { window_days: 21 }, auto_approve: { exclude_segments: ['Flagged'] } };
    const { policy, skipped } = readStoredPolicy(doc);
    expect(skipped).toEqual([]);
    expect(policy.change_of_mind.window_days).toBe(21);
    expect(policy.auto_approve.exclude_segments).toEqual(['flagged']);
  });

  it.each([
    [
      'a blank excluded segment',
      { auto_approve: { exclude_segments: ['', 'flagged', 'vip'] } },
      ['auto_approve.exclude_segments.0'],
      (p: ReturnType<typeof readStoredPolicy>['policy']) =>
        expect(p.auto_approve.exclude_segments).toEqual(['flagged', 'vip']),
    ],
    [
      'a rule with a blank segment (dropped whole, so it cannot widen)',
      {
        rules: [
          { when: { segments: [''] }, then: { window_days: 99 } },
          { when: { categories: ['shoes'] }, then: { window_days: 7 } },
        ],
      },
      ['rules.0'],
      (p: ReturnType<typeof readStoredPolicy>['policy']) => {
        expect(p.rules).toHaveLength(1);
        expect(p.rules[0]?.then.window_days).toBe(7);
      },
    ],
    [
      'a field out of range, and one no longer known',
      { change_of_mind: { window_days: -1, return_shipping_fee: 300 }, retired_field: true },
      ['change_of_mind.window_days', 'retired_field'],
      (p: ReturnType<typeof readStoredPolicy>['policy']) => {
        expect(p.change_of_mind.window_days).toBe(30);
        expect(p.change_of_mind.return_shipping_fee).toBe(300);
      },
    ],
  ])('leaves out %s and says so', (_name, doc, expected, check) => {
    const { policy, skipped } = readStoredPolicy(doc);
    expect([...skipped].sort()).toEqual([...expected].sort());
    check(policy);
    expect(policySchema.safeParse(policy).success).toBe(true);
  });

  it('falls back to the default policy for a document that is not an object', () => {
    expect(readStoredPolicy('garbage')).toEqual({ policy: policySchema.parse({}), skipped: ['(document)'] });
  });

  it('refuses blank segment names and tags when a policy is written', () => {
    for (const doc of [
      { auto_approve: { exclude_segments: [' '] } },
      { rules: [{ when: { segments: ['  '] }, then: { window_days: 5 } }] },
      { rules: [{ when: { tags: [' \t'] }, then: { window_days: 5 } }] },
    ])
      expect(policySchema.safeParse(doc).success, JSON.stringify(doc)).toBe(false);
  });
});
