import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCashBanknote, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmRefund, useRetryRefund } from '../../../api/refunds.ts';
import { useOrder } from '../../../api/returns.ts';
import type { ReturnRefund, ReturnView } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';
import { StepError } from './StepError.tsx';

/**
 * A refund the store pays by hand (bank transfer, cash at the counter): finance pays it outside
 * Aftersale, then records the payment's reference here so the customer's refund shows as paid.
 */
export function ConfirmRefundForm({ ret, refund }: { ret: ReturnView; refund: ReturnRefund }) {
  const { t } = useTranslation();
  const format = useFormat();
  const order = useOrder(ret.order_id).data;
  const confirm = useConfirmRefund(refund.id, ret.id);
  const retry = useRetryRefund(refund.id, ret.id);
  const refused = refund.status === 'failed';
  const [reference, setReference] = useState('');
  const amount = format.money(refund.amount, refund.currency);
  const payment = order?.payments.find((p) => p.provider === refund.provider) ?? order?.payments[0];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reference.trim()) confirm.mutate(reference.trim());
  };
  return (
    <form onSubmit={submit} aria-labelledby={`confirm-${refund.id}`} data-testid="confirm-refund">
      <Stack gap="xs">
        <Title order={3} size="h5" id={`confirm-${refund.id}`}>
          {t(refused ? 'actions.refusedRefundTitle' : 'actions.manualRefundTitle', { amount })}
        </Title>
        <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="sm">
            {t(refused ? 'actions.refusedRefundHint' : 'actions.manualRefundHint', {
              amount,
              customer: ret.customer.name ?? ret.customer.email ?? '',
            })}
          </Text>
          {payment && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('actions.originalPayment', {
                provider: payment.provider,
                reference: payment.reference ?? '–',
                amount: format.money(payment.amount, refund.currency),
              })}
            </Text>
          )}
        </Alert>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('actions.paymentReference')}
            description={t('actions.paymentReferenceHint')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            required
            maxLength={200}
            w={300}
          />
          <Button
            type="submit"
            leftSection={<IconCashBanknote size={18} aria-hidden />}
            loading={confirm.isPending}
            disabled={!reference.trim()}
          >
            {t('actions.confirmPaid', { amount })}
          </Button>
          {refused && (
            <Button variant="default" loading={retry.isPending} onClick={() => retry.mutate()}>
              {t('actions.retryRefund')}
            </Button>
          )}
        </Group>
        {confirm.isError && <StepError error={confirm.error} returnId={ret.id} />}
        {retry.isError && <StepError error={retry.error} returnId={ret.id} />}
      </Stack>
    </form>
  );
}
