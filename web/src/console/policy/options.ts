// Choices the policy offers, labelled in the console's language from the domain's own lists.
import { PRODUCT_FLAGS } from '@domain/order.ts';
import { OFFERED_RESOLUTIONS, RETURN_METHODS } from '@domain/policy/policy.schema.ts';
import { REASON_CODES, SELLER_FAULT_REASONS } from '@domain/reasons.ts';
import { useTranslation } from 'react-i18next';
import type { Option } from './fields.tsx';

export function usePolicyOptions() {
  const { t } = useTranslation();
  const list = (values: readonly string[], prefix: string): Option[] =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`, { defaultValue: value }) }));
  return {
    reasons: list(REASON_CODES, 'reasons'),
    faultReasons: list(SELLER_FAULT_REASONS, 'reasons'),
    flags: list(PRODUCT_FLAGS, 'flags'),
    resolutions: list(OFFERED_RESOLUTIONS, 'resolution'),
    methods: list(RETURN_METHODS, 'method'),
  };
}
