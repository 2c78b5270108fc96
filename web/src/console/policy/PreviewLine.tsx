import type { LineDecision } from '@domain/policy/types.ts';
import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Compared } from './Compared.tsx';

interface Props {
  line: LineDecision;
  saved: LineDecision | undefined;
  title: string;
  currency: string;
  /** the customer's zone: a deadline is the end of a day where the customer lives */
  timeZone: string | undefined;
}

export function PreviewLine({ line, saved, title, currency, timeZone }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (n: number) => format.money(n, currency);
  const deadline = (d: LineDecision | undefined) =>
    d?.deadline ? format.dateTime(d.deadline, timeZone) : t('policy.preview.noDeadline');
  const eligible = (d: LineDecision | undefined) => t(d?.eligible ? 'return.eligible' : 'return.notEligible');
  const payer = (d: LineDecision | undefined) =>
    t(`policy.values.${d?.return_shipping_paid_by ?? 'customer'}`);
  const offers = (d: LineDecision | undefined) =>
    d?.resolutions.map((r) => t(`resolution.${r}`)).join(', ') || t('policy.none');
  return (
    <Paper p="sm" bg="gray.0" withBorder data-line={line.line_id}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {t('return.quantity', { count: line.quantity })}
        </Text>
      </Group>
      <Group gap={6} mb="xs">
        <Badge color={line.eligible ? 'teal' : 'red'} variant="light">
          {eligible(line)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`path.${line.path}`)}
        </Badge>
        {line.evidence_required && (
          <Badge color="grape" variant="light">
            {t('return.evidenceRequired')}
          </Badge>
        )}
        {line.keep_item && (
          <Badge color="blue" variant="light">
            {t('resolution.keep_item')}
          </Badge>
        )}
      </Group>
      <Stack gap={4}>
        <Compared label={t('policy.preview.eligible')} now={eligible(line)} was={eligible(saved)} />
        <Compared label={t('policy.preview.deadline')} now={deadline(line)} was={deadline(saved)} />
        <Compared label={t('policy.preview.shippingPaidBy')} now={payer(line)} was={payer(saved)} />
        <Compared
          label={t('policy.preview.restocking')}
          now={money(line.fees.restocking)}
          was={money(saved?.fees.restocking ?? 0)}
        />
        <Compared
          label={t('policy.preview.returnShipping')}
          now={money(line.fees.return_shipping)}
          was={money(saved?.fees.return_shipping ?? 0)}
        />
        <Compared
          label={t('policy.preview.refund')}
          now={money(line.refund.total)}
          was={money(saved?.refund.total ?? 0)}
          strong
        />
        <Text size="xs" c="dimmed" ta="end">
          {t('policy.preview.refundParts', {
            items: money(line.refund.items),
            tax: money(line.refund.tax),
            shipping: money(line.refund.shipping),
            fees: money(line.refund.fees),
          })}
        </Text>
        <Compared label={t('policy.preview.resolutions')} now={offers(line)} was={offers(saved)} />
      </Stack>
      <Text size="sm" fw={600} mt="xs">
        {t('return.why')}
      </Text>
      <List size="sm" spacing={4} data-testid="preview-explanations">
        {line.explanations.map((e) => (
          <List.Item key={e.code}>
            {e.message}{' '}
            <Text span size="xs" c="dimmed">
              ({t('return.source', { source: e.source })})
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
