// "Withdraw from contract here" (Directive 2011/83/EU art. 11a, EU/EEA/UK): the customer names
// themselves and the goods, confirms in a second step, and gets the acknowledgement with its content,
// date and time, as the store recorded it.
import { Button, Checkbox, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { newIdempotencyKey } from '../../api/transport.ts';
import { useLanguage, useOrder, useWithdraw } from '../api/queries.ts';
import type { OrderAnswer, WithdrawalAnswer } from '../api/types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { canWithdraw } from '../order/lineState.ts';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { Acknowledgement } from './Acknowledgement.tsx';

export function WithdrawalPage() {
  const { t } = useTranslation('portal');
  const order = useOrder();
  const { store } = usePortalScope();
  if (order.isPending) return <Skeleton h={320} aria-label={t('common.loading')} />;
  if (order.error) return <ProblemMessage error={order.error} />;
  if (!order.data.order.withdrawal_available) return <Navigate to={portalPath(store, 'order')} replace />;
  return <WithdrawalFlow answer={order.data} />;
}

function WithdrawalFlow({ answer }: { answer: OrderAnswer }) {
  const { t } = useTranslation('portal');
  const language = useLanguage();
  const { order, eligibility } = answer;
  const lines = eligibility.lines.filter((l) => l.eligible && l.quantity > 0);
  const [name, setName] = useState(order.customer.name ?? '');
  const [email, setEmail] = useState(order.customer.email);
  const [chosen, setChosen] = useState<string[]>(lines.map((l) => l.line_id));
  const [phase, setPhase] = useState<'form' | 'confirm'>('form');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState<WithdrawalAnswer | null>(null);
  const withdraw = useWithdraw();
  const key = useRef(newIdempotencyKey());
  const titleOf = (id: string) => order.lines.find((l) => l.id === id)?.title ?? id;
  const quantityOf = (id: string) => lines.find((l) => l.line_id === id)?.quantity ?? 0;

  if (done) return <Acknowledgement answer={done} />;
  if (!canWithdraw(answer))
    return (
      <Stack gap="lg">
        <PageHeading title={t('withdraw.title')} />
        <Text>{t('withdraw.nothingLeft')}</Text>
      </Stack>
    );

  const valid = name.trim().length > 0 && /^\S+@\S+\.\S+$/.test(email.trim()) && chosen.length > 0;
  const toConfirm = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (valid) setPhase('confirm');
  };
  const confirm = () =>
    withdraw.mutate(
      {
        body: {
          name: name.trim(),
          email: email.trim(),
          lines: chosen.map((line_id) => ({ line_id, quantity: quantityOf(line_id) })),
          confirm: true,
          language,
        },
        idempotencyKey: key.current,
      },
      { onSuccess: setDone },
    );

  if (phase === 'confirm')
    return (
      <Stack gap="lg">
        <PageHeading title={t('withdraw.confirmTitle')} lead={t('withdraw.confirmLead')} />
        <Paper p="md" data-testid="withdraw-summary">
          <Stack gap="xs">
            <Text size="sm">{t('withdraw.summaryOrder', { number: order.number })}</Text>
            <Text size="sm">{t('withdraw.summaryItems')}</Text>
            <Stack gap={2} component="ul" pl="md" my={0}>
              {chosen.map((id) => (
                <Text key={id} size="sm" component="li">
                  {t('order.itemTimes', { count: quantityOf(id), title: titleOf(id) })}
                </Text>
              ))}
            </Stack>
            <Text size="sm">{t('withdraw.summaryPerson', { name: name.trim(), email: email.trim() })}</Text>
          </Stack>
        </Paper>
        {withdraw.error && <ProblemMessage error={withdraw.error} />}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setPhase('form')} disabled={withdraw.isPending}>
            {t('withdraw.change')}
          </Button>
          <Button
            color="red.9"
            size="md"
            onClick={confirm}
            loading={withdraw.isPending}
            data-testid="confirm-withdrawal"
          >
            {t('withdraw.confirmButton')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack gap="lg">
      <PageHeading title={t('withdraw.title')} lead={t('withdraw.lead')} />
      <Paper p="md" component="form" onSubmit={toConfirm} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('withdraw.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            autoComplete="name"
            required
            error={touched && !name.trim() ? t('withdraw.nameMissing') : undefined}
          />
          <TextInput
            label={t('withdraw.email')}
            description={t('withdraw.emailHint')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            autoComplete="email"
            required
            error={touched && !/^\S+@\S+\.\S+$/.test(email.trim()) ? t('withdraw.emailMissing') : undefined}
          />
          <Checkbox.Group
            label={t('withdraw.items')}
            value={chosen}
            onChange={setChosen}
            error={touched && chosen.length === 0 ? t('withdraw.itemsMissing') : undefined}
          >
            <Stack gap="xs" mt="xs">
              {lines.map((l) => (
                <Checkbox
                  key={l.line_id}
                  value={l.line_id}
                  label={t('order.itemTimes', { count: l.quantity, title: titleOf(l.line_id) })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button type="submit" size="md">
              {t('withdraw.continue')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
