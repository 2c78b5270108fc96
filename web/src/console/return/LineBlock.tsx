import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnLine } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';

/** One returned line: what it is, the policy's decision and why, what the warehouse found. */
export function LineBlock({
  line,
  currency,
  lang,
}: {
  line: ReturnLine;
  currency: string;
  lang: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const inspection = line.inspection;
  return (
    <Stack gap={6} data-line={line.line_id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>
            {line.title}
            {line.variant && (
              <Text span c="dimmed" fw={400}>
                {' · '}
                {line.variant}
              </Text>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {line.sku} · {t('return.quantity', { count: line.quantity })}
          </Text>
        </div>
        <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={t('return.lineRefund')}>
          {format.money(line.refund.total, currency)}
        </Text>
      </Group>
      <Group gap={6}>
        {/* the light orange's own text colours fail contrast on its background (orange.9 is 3.6:1,
            axe wants 4.5): a deep orange of our own, about 9:1 */}
        <Badge
          variant="light"
          color={line.path === 'seller_fault' ? 'orange' : 'blue'}
          c={line.path === 'seller_fault' ? '#8a2c06' : undefined}
        >
          {t(`reasons.${line.reason}`, { defaultValue: line.reason })}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`path.${line.path}`)}
        </Badge>
        <Badge variant="light" color={line.eligible ? 'teal' : 'red'}>
          {line.eligible ? t('return.eligible') : t('return.notEligible')}
          {line.deadline && ` · ${t('return.until', { date: format.date(line.deadline) })}`}
        </Badge>
        {line.evidence_required && (
          <Badge color="grape" variant="light">
            {t('return.evidenceRequired')}
          </Badge>
        )}
        {line.opened && (
          <Badge color="gray" variant="light">
            {t('return.opened')}
          </Badge>
        )}
        {line.received_quantity > 0 && (
          <Badge color="grape" variant="outline">
            {t('return.received', { received: line.received_quantity, quantity: line.quantity })}
          </Badge>
        )}
      </Group>
      {line.note && (
        <Text size="sm" fs="italic" lang={lang}>
          {t('return.customerNote', { note: line.note })}
        </Text>
      )}
      {inspection && (
        <Text size="sm" data-testid="inspection">
          {t('return.inspection', {
            grade: inspection.grade,
            disposition: t(`actions.dispositions.${inspection.disposition}`),
          })}
          {inspection.deduction.amount > 0 &&
            ` · ${t('return.deduction', {
              amount: format.money(inspection.deduction.amount, currency),
              reason: inspection.deduction.reason,
            })}`}
        </Text>
      )}
      <details>
        <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
          {t('return.why')}
        </summary>
        {/* The explanations are written for the customer, in the customer's language. */}
        <List size="sm" spacing={4} mt={6} lang={lang}>
          {line.explanations.map((e) => (
            <List.Item key={e.code}>
              {e.message}{' '}
              <Text span size="xs" c="dimmed">
                ({t('return.source', { source: e.source })})
              </Text>
            </List.Item>
          ))}
        </List>
      </details>
    </Stack>
  );
}
