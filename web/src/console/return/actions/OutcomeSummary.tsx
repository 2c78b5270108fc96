import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnView } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';

/** A finished return: how it ended and, for a completed one, what was paid out. */
export function OutcomeSummary({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: number) => format.money(amount, ret.currency);
  return (
    <Stack gap="xs" data-testid="outcome">
      <Text size="sm">
        {t(
          ret.refunds.some((r) => r.status === 'requires_action')
            ? 'actions.finishedPayByHand'
            : 'actions.finished',
          {
            status: t(`status.${ret.status}`),
          },
        )}
      </Text>
      {ret.result && (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('return.paidOut')}
          </Text>
          {ret.result.refund > 0 && (
            <Badge color="teal" tt="none">
              {t('return.paidRefund', { amount: money(ret.result.refund) })}
            </Badge>
          )}
          {ret.result.store_credit > 0 && (
            <Badge color="teal" tt="none">
              {t('return.paidStoreCredit', { amount: money(ret.result.store_credit) })}
            </Badge>
          )}
        </Group>
      )}
      {ret.refunds.map((r) => (
        <Text size="sm" key={r.id} c="dimmed">
          {t('return.refundStatus', {
            amount: format.money(r.amount, r.currency),
            status: t(`refundStatus.${r.status}`, { defaultValue: r.status }),
          })}
          {r.reference && ` · ${t('return.refundReference', { reference: r.reference })}`}
        </Text>
      ))}
    </Stack>
  );
}
