// Where the customer's money stands, from the server's refund_progress: a tick only once the money
// has left (every refund succeeded), "being paid" while it is on its way or waits for the store to
// pay by hand, and "delayed" with what the customer can do when it was refused or is overdue.
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PortalReturn } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';

export function RefundStatus({ ret }: { ret: PortalReturn }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const p = ret.refund_progress;
  const money = (n: number) => format.money(n, ret.currency);
  if (p.state === 'paid')
    return (
      <Text size="sm" data-testid="refund-state" data-state="paid">
        <IconCircleCheck size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginInlineEnd: 4 }} />
        <Text span fw={600}>
          {t('status.money.paid', { amount: money(p.paid_amount), date: format.date(p.paid_at ?? '') })}
        </Text>{' '}
        {t('status.money.bankNote')}
      </Text>
    );
  if (p.state === 'being_paid')
    return (
      <Text size="sm" data-testid="refund-state" data-state="being_paid">
        <IconClockHour4 size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginInlineEnd: 4 }} />
        {p.due_at
          ? t('status.money.beingPaid', { amount: money(p.amount), date: format.date(p.due_at) })
          : t('status.money.beingPaidNoDate', { amount: money(p.amount) })}
        {p.paid_amount > 0 && <> {t('status.money.alreadyPaid', { amount: money(p.paid_amount) })}</>}
      </Text>
    );
  if (p.state === 'delayed')
    return (
      <Alert
        color="orange.9"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('status.money.delayedTitle')}
        data-testid="refund-state"
        data-state="delayed"
      >
        <Text size="sm">
          {p.delay === 'refused'
            ? t('status.money.refused', { amount: money(p.amount - p.paid_amount) })
            : t('status.money.overdue', { date: format.date(p.due_at ?? '') })}
        </Text>
        <Text size="sm" mt={4}>
          {t('status.money.whatToDo', { rma: ret.rma })}
        </Text>
      </Alert>
    );
  if (p.state === 'not_yet' && ret.refund_due_at)
    return (
      <Text size="sm" data-testid="refund-state" data-state="not_yet">
        {t('status.refundDue', { date: format.date(ret.refund_due_at) })}
      </Text>
    );
  return null;
}
