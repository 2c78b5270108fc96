import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ByCurrencyField,
  ChecksField,
  MoneyField,
  MultiField,
  NumberField,
  RadioField,
  SwitchField,
} from './fields.tsx';
import { usePolicyOptions } from './options.ts';
import { Section } from './Section.tsx';

const COM = ['change_of_mind'] as const;

/** The two paths a return takes: the customer changed their mind, or the store got it wrong. */
export function ReturnWindowSections() {
  const { t } = useTranslation();
  const o = usePolicyOptions();
  const f = (key: string) => t(`policy.fields.change_of_mind.${key}`);
  return (
    <>
      <Section
        id="change-of-mind"
        title={t('policy.sections.change_of_mind')}
        hint={t('policy.hints.change_of_mind')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField
            path={[...COM, 'window_days']}
            label={f('window_days')}
            description={t('policy.hints.window_days')}
            suffix={t('policy.units.days')}
            max={3650}
          />
          <NumberField
            path={[...COM, 'restocking_fee_percent']}
            label={f('restocking_fee_percent')}
            suffix="%"
            max={100}
            decimals
          />
        </SimpleGrid>
        <SwitchField path={[...COM, 'restocking_only_if_opened']} label={f('restocking_only_if_opened')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <RadioField
            path={[...COM, 'return_shipping']}
            label={f('return_shipping')}
            options={[
              { value: 'customer', label: t('policy.payer.customer') },
              { value: 'merchant', label: t('policy.payer.merchant') },
            ]}
          />
          <MoneyField
            path={[...COM, 'return_shipping_fee']}
            label={f('return_shipping_fee')}
            description={t('policy.hints.return_shipping_fee')}
          />
        </SimpleGrid>
        <ByCurrencyField
          path={[...COM, 'return_shipping_fee_by_currency']}
          label={t('policy.byCurrency.title', { field: f('return_shipping_fee') })}
          description={t('policy.byCurrency.hint')}
        />
        <SwitchField
          path={[...COM, 'final_sale_returnable']}
          label={f('final_sale_returnable')}
          description={t('policy.hints.final_sale_returnable')}
        />
        <MultiField
          path={[...COM, 'non_returnable_flags']}
          label={f('non_returnable_flags')}
          description={t('policy.hints.non_returnable_flags')}
          options={o.flags}
        />
        <MultiField
          path={[...COM, 'non_returnable_when_opened']}
          label={f('non_returnable_when_opened')}
          options={o.flags}
        />
      </Section>
      <Section
        id="seller-fault"
        title={t('policy.sections.seller_fault')}
        hint={t('policy.hints.seller_fault')}
      >
        <NumberField
          path={['seller_fault', 'window_days']}
          label={t('policy.fields.seller_fault.window_days')}
          suffix={t('policy.units.days')}
          max={3650}
        />
        <ChecksField
          path={['seller_fault', 'evidence_required_for']}
          label={t('policy.fields.seller_fault.evidence_required_for')}
          options={o.faultReasons}
        />
      </Section>
    </>
  );
}
