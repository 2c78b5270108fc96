import { Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getIn } from './draft.ts';
import { MoneyField, NumberField, SwitchField } from './fields.tsx';
import { usePolicyForm } from './form-context.ts';
import { Section } from './Section.tsx';

const KINDS = [
  'cancellation',
  'address_change',
  'lost_parcel',
  'delivery_delay',
  'item_problem',
  'dispute',
  'inquiry',
] as const;

/** One kind's SLA: hours, counted on the calendar or in business hours. */
function SlaRow({ kind }: { kind: (typeof KINDS)[number] }) {
  const { t } = useTranslation();
  const form = usePolicyForm();
  const clock = getIn(form.draft, ['cases', 'sla', kind, 'clock']);
  return (
    <Group align="end" gap="sm" wrap="nowrap">
      <NumberField
        path={['cases', 'sla', kind, 'hours']}
        label={t(`policy.fields.cases.kinds.${kind}`)}
        suffix={t('policy.units.hours')}
        min={1}
        max={1440}
      />
      <SegmentedControl
        size="xs"
        mb={6}
        aria-label={t('policy.fields.cases.clock', { kind: t(`policy.fields.cases.kinds.${kind}`) })}
        value={clock === 'business' ? 'business' : 'calendar'}
        onChange={(v) => form.set(['cases', 'sla', kind, 'clock'], v)}
        disabled={form.readOnly}
        data={[
          { value: 'calendar', label: t('policy.fields.cases.calendar') },
          { value: 'business', label: t('policy.fields.cases.business') },
        ]}
      />
    </Group>
  );
}

/** Cases other than returns: how soon the team acts, when a parcel is late or lost, what is decided
 *  at once, and how much goodwill each role may give. Routes per country are in the JSON tab. */
export function CaseSections() {
  const { t } = useTranslation();
  return (
    <>
      <Section id="cases-sla" title={t('policy.sections.cases_sla')} hint={t('policy.hints.cases_sla')}>
        <Stack gap="sm">
          {KINDS.map((k) => (
            <SlaRow key={k} kind={k} />
          ))}
        </Stack>
      </Section>
      <Section
        id="cases-parcels"
        title={t('policy.sections.cases_parcels')}
        hint={t('policy.hints.cases_parcels')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField
            path={['cases', 'delivery_delay', 'after_days']}
            label={t('policy.fields.cases.late_after_days')}
            suffix={t('policy.units.days')}
          />
          <NumberField
            path={['cases', 'lost_parcel', 'after_days']}
            label={t('policy.fields.cases.lost_after_days')}
            suffix={t('policy.units.days')}
          />
        </SimpleGrid>
        <SwitchField
          path={['cases', 'open_shipment_cases']}
          label={t('policy.fields.cases.open_shipment_cases')}
        />
        <SwitchField
          path={['cases', 'auto_cancel_unshipped']}
          label={t('policy.fields.cases.auto_cancel_unshipped')}
        />
        <SwitchField
          path={['cases', 'auto_update_address_unshipped']}
          label={t('policy.fields.cases.auto_update_address_unshipped')}
        />
        <MoneyField
          path={['cases', 'item_problem', 'no_return_up_to']}
          label={t('policy.fields.cases.no_return_up_to')}
          description={t('policy.hints.no_return_up_to')}
        />
        <Text size="xs" c="dimmed">
          {t('policy.hints.cases_routes')}
        </Text>
      </Section>
      <Section
        id="cases-goodwill"
        title={t('policy.sections.cases_goodwill')}
        hint={t('policy.hints.cases_goodwill')}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {(['agent', 'finance', 'owner'] as const).map((role) => (
            <MoneyField
              key={role}
              path={['cases', 'goodwill', 'max_by_role', role]}
              label={t(`roles.${role}`)}
              description={t('policy.hints.no_ceiling_when_empty')}
            />
          ))}
        </SimpleGrid>
      </Section>
    </>
  );
}
