// What the case is about, per kind: the address before and after, the parcel and its tracking,
// the dispute's provider, amount and due date, the item problem's reason and the customer's words.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address, CaseView } from '../../api/cases.ts';
import { useFormat } from '../../i18n/format.ts';

function AddressLines({ a }: { a: Address | undefined }) {
  if (!a) return <Text size="sm">–</Text>;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
      {[a.name, a.line1, a.line2, [a.postal_code, a.city].filter(Boolean).join(' '), a.region, a.country]
        .filter(Boolean)
        .join('\n')}
    </Text>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </div>
  );
}

export function KindData({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = c.data;
  const str = (k: string) => (d[k] === undefined || d[k] === null || d[k] === '' ? null : String(d[k]));
  let body: ReactNode = null;
  switch (c.kind) {
    case 'address_change':
      body = (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('cases.data.addressBefore')}>
            <AddressLines a={(d.previous_address ?? d.old_address) as Address | undefined} />
          </Field>
          <Field label={t('cases.data.addressAfter')}>
            <AddressLines a={d.shipping_address as Address | undefined} />
          </Field>
        </SimpleGrid>
      );
      break;
    case 'lost_parcel':
    case 'delivery_delay':
      body = (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('cases.data.fulfillment')}>{str('fulfillment_id') ?? '–'}</Field>
          <Field label={t('cases.data.carrier')}>
            {[str('carrier'), str('tracking_number')].filter(Boolean).join(' · ') || '–'}
          </Field>
          {str('shipped_at') && (
            <Field label={t('cases.data.shipped')}>{format.date(String(d.shipped_at))}</Field>
          )}
          {typeof d.days_in_transit === 'number' && (
            <Field label={t('cases.data.inTransit')}>
              {t('cases.data.days', { days: d.days_in_transit, threshold: d.lost_after_days ?? '–' })}
            </Field>
          )}
        </SimpleGrid>
      );
      break;
    case 'dispute':
      body = (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('cases.data.provider')}>
            {[str('provider'), str('provider_dispute_id')].filter(Boolean).join(' · ')}
          </Field>
          <Field label={t('cases.data.amount')}>
            {typeof d.amount === 'number' ? format.money(d.amount, String(d.currency ?? c.currency)) : '–'}
          </Field>
          <Field label={t('cases.data.reason')}>{str('reason') ?? '–'}</Field>
          <Field label={t('cases.data.evidenceDue')}>
            {str('evidence_due_by') ? format.dateTime(String(d.evidence_due_by)) : '–'}
          </Field>
        </SimpleGrid>
      );
      break;
    case 'item_problem':
      body = (
        <Stack gap="xs">
          <Field label={t('cases.data.reason')}>
            {t(`cases.problem.${str('reason')}`, { defaultValue: str('reason') ?? '' })}
          </Field>
          {str('note') && <Field label={t('cases.data.note')}>{str('note') as string}</Field>}
        </Stack>
      );
      break;
    case 'cancellation':
      body = str('reason') ? <Field label={t('cases.data.reason')}>{str('reason') as string}</Field> : null;
      break;
    case 'inquiry':
      body = (
        <Stack gap="xs">
          {str('subject') && <Field label={t('cases.data.subject')}>{str('subject') as string}</Field>}
          {str('message') && <Field label={t('cases.data.message')}>{str('message') as string}</Field>}
        </Stack>
      );
      break;
  }
  return (
    <Paper p="md" component="section" aria-labelledby="kind-data-title" data-testid="kind-data">
      <Title order={2} size="h4" id="kind-data-title" mb="sm">
        {t(`cases.kindOne.${c.kind}`)}
      </Title>
      <Stack gap="sm">
        {body}
        {c.explanations.map((e) => (
          <Text size="sm" c="dimmed" key={`${e.code}-${e.message}`}>
            {e.message}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
