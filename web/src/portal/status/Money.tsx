// The items in the return and what the customer gets for them: the refund's breakdown, the store
// credit with its bonus, or the exchange's difference; and when the refund is due.
import { List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalReturn } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { Breakdown } from '../request/Breakdown.tsx';
import { ExchangeTarget } from '../request/ExchangeTarget.tsx';
import { useExchangeText } from '../request/exchange-money.ts';
import { RefundStatus } from './RefundStatus.tsx';

/** What comes back in exchange, named by its variant ("L / Blue") rather than its SKU. */
export function Money({ ret }: { ret: PortalReturn }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const money = (n: number) => format.money(n, ret.currency);
  const type = ret.resolution.type;
  const exchangeText = useExchangeText();
  return (
    <Paper p="md" component="section" aria-labelledby="money-title">
      <Stack gap="sm">
        <Text fw={600} id="money-title">
          {t('status.itemsTitle')}
        </Text>
        <List size="sm">
          {ret.lines.map((l) => (
            <List.Item key={l.line_id}>
              {t('order.itemTimes', {
                count: l.quantity,
                title: l.variant ? `${l.title} (${l.variant})` : l.title,
              })}
              <Text size="xs" c="gray.7" span>
                {' · '}
                {t(`reasons.${l.reason}`)}
              </Text>
            </List.Item>
          ))}
        </List>
        {ret.status !== 'rejected' && ret.status !== 'canceled' && (
          <>
            <Breakdown
              amounts={ret.refund}
              currency={ret.currency}
              caption={t(
                type === 'store_credit' || type === 'exchange'
                  ? 'wizard.review.valueCaption'
                  : 'wizard.review.refundCaption',
              )}
            />
            {type === 'store_credit' && ret.store_credit && (
              <Text size="sm" fw={600}>
                {t('wizard.review.creditTotal', {
                  total: money(ret.store_credit.total),
                  bonus: money(ret.store_credit.bonus),
                })}
              </Text>
            )}
            {type === 'exchange' &&
              ret.resolution.lines?.map((x) => (
                <ExchangeTarget key={x.line_id} lineId={x.line_id} sku={x.sku} />
              ))}
            {type === 'exchange' && ret.exchange && (
              <Text size="sm" fw={600}>
                {exchangeText(ret.exchange, ret.currency)}
              </Text>
            )}
            <RefundStatus ret={ret} />
            {type === 'store_credit' && ret.status !== 'completed' && ret.refund_due_at && (
              <Text size="sm">{t('status.creditDue', { date: format.date(ret.refund_due_at) })}</Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
