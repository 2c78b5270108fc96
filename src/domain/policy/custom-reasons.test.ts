import { describe, expect, it } from 'vitest';
import { resolveReason } from './custom-reasons.ts';
import { policySchema } from './policy.schema.ts';

const policy = policySchema.parse({
  custom_reasons: [
    { code: 'too_itchy', maps_to: 'not_as_described', label: { en: 'Too itchy', de: 'Kratzt zu sehr' } },
  ],
});

describe('custom reasons', () => {
  it('keeps normalised reasons as they are', () => {
    expect(resolveReason('defective', policy)).toEqual({ reason: 'defective', store_reason: null });
  });
  it("maps the store's own reason onto its normalised one", () => {
    expect(resolveReason('too_itchy', policy)).toEqual({
      reason: 'not_as_described',
      store_reason: 'too_itchy',
    });
  });
  it('knows nothing else', () => {
    expect(resolveReason('because', policy)).toBeNull();
  });
  it('refuses a custom code that shadows a normalised reason', () => {
    const res = policySchema.safeParse({ custom_reasons: [{ code: 'defective', maps_to: 'changed_mind' }] });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.path).toEqual(['custom_reasons', 0, 'code']);
  });
});
