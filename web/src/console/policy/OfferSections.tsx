import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ByCurrencyField, ChecksField, MoneyField, NumberField } from './fields.tsx';
import { usePolicyOptions } from './options.ts';
import { Section } from './Section.tsx';

/** What the customer may choose (money back, credit, exchange; how to send) and when to keep the item. */
export function OfferSections() {
  const { t } = useTranslation();
  const o = usePolicyOptions();
  return (
    <>
      <Section id="offers" title={t('policy.sections.offers')}>
        <ChecksField path={['resolutions']} label={t('policy.fields.resolutions')} options={o.resolutions} />
        <NumberField
          path={['store_credit_bonus_percent']}
          label={t('policy.fields.store_credit_bonus_percent')}
          description={t('policy.hints.store_credit_bonus_percent')}
          suffix="%"
          max={100}
          decimals
        />
        <NumberField
          path={['store_credit_valid_days']}
          label={t('policy.fields.store_credit_valid_days')}
          description={t('policy.hints.store_credit_valid_days')}
          suffix={t('policy.units.days')}
          min={1}
          max={3650}
        />
        <ChecksField
          path={['return_methods']}
          label={t('policy.fields.return_methods')}
          options={o.methods}
        />
      </Section>
      <Section id="keep-item" title={t('policy.sections.keep_item')} hint={t('policy.hints.keep_item')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <MoneyField
            path={['keep_item', 'max_unit_value']}
            label={t('policy.fields.keep_item.max_unit_value')}
          />
          <NumberField
            path={['keep_item', 'max_return_cost_share_percent']}
            label={t('policy.fields.keep_item.max_return_cost_share_percent')}
            suffix="%"
            max={100}
            decimals
          />
          <MoneyField
            path={['keep_item', 'estimated_return_cost']}
            label={t('policy.fields.keep_item.estimated_return_cost')}
          />
        </SimpleGrid>
        <ByCurrencyField
          path={['keep_item', 'max_unit_value_by_currency']}
          label={t('policy.byCurrency.title', { field: t('policy.fields.keep_item.max_unit_value') })}
          description={t('policy.byCurrency.hint')}
        />
        <ByCurrencyField
          path={['keep_item', 'estimated_return_cost_by_currency']}
          label={t('policy.byCurrency.title', { field: t('policy.fields.keep_item.estimated_return_cost') })}
        />
      </Section>
    </>
  );
}
