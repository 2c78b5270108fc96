import { SimpleGrid, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getIn } from './draft.ts';
import { ByCurrencyField, MoneyField, MultiField, NumberField, TagsField } from './fields.tsx';
import { usePolicyForm } from './form-context.ts';
import { usePolicyOptions } from './options.ts';
import { Section } from './Section.tsx';

/** Which requests skip a person, and the deadlines the team works against. */
export function ApprovalSections() {
  const { t } = useTranslation();
  const o = usePolicyOptions();
  const form = usePolicyForm();
  const ceiling = getIn(form.draft, ['auto_approve', 'max_refund']);
  return (
    <>
      <Section
        id="auto-approve"
        title={t('policy.sections.auto_approve')}
        hint={t('policy.hints.auto_approve')}
      >
        <MultiField
          path={['auto_approve', 'reasons']}
          label={t('policy.fields.auto_approve.reasons')}
          description={t('policy.hints.auto_approve_reasons')}
          options={o.reasons}
        />
        <Switch
          label={t('policy.fields.auto_approve.has_ceiling')}
          checked={ceiling !== null && ceiling !== undefined}
          onChange={(e) => form.set(['auto_approve', 'max_refund'], e.currentTarget.checked ? 10_000 : null)}
          disabled={form.readOnly}
        />
        {ceiling !== null && ceiling !== undefined && (
          <MoneyField
            path={['auto_approve', 'max_refund']}
            label={t('policy.fields.auto_approve.max_refund')}
          />
        )}
        <ByCurrencyField
          path={['auto_approve', 'max_refund_by_currency']}
          label={t('policy.byCurrency.title', { field: t('policy.fields.auto_approve.max_refund') })}
          description={t('policy.byCurrency.hint')}
        />
        <TagsField
          path={['auto_approve', 'exclude_segments']}
          label={t('policy.fields.auto_approve.exclude_segments')}
          description={t('policy.hints.exclude_segments')}
        />
      </Section>
      <Section id="service" title={t('policy.sections.service')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField
            path={['review_sla_hours']}
            label={t('policy.fields.review_sla_hours')}
            suffix={t('policy.units.hours')}
            min={1}
            max={1440}
          />
          <NumberField
            path={['refund_sla_business_days']}
            label={t('policy.fields.refund_sla_business_days')}
            description={t('policy.hints.refund_sla_business_days')}
            suffix={t('policy.units.businessDays')}
            max={60}
          />
        </SimpleGrid>
      </Section>
    </>
  );
}
