// One resolution (or an offer to the customer) filled in, then confirmed: the amount it pays out is
// said in full before the second click, and whether part of it is goodwill beyond the case.
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseView, type ResolutionType, useCaseStep } from '../../api/cases.ts';
import { newIdempotencyKey } from '../../api/transport.ts';
import { useFormat } from '../../i18n/format.ts';
import { MoneyInput } from '../ui/MoneyInput.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

type OfferType = 'refund' | 'store_credit' | 'reship';

export function ResolveForm({
  c,
  type,
  onDone,
}: {
  c: CaseView;
  type: ResolutionType | 'offer';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const step = useCaseStep(c.id);
  const key = useRef(newIdempotencyKey());
  const full = c.amounts.full_refund?.total ?? null;
  const [offerType, setOfferType] = useState<OfferType>('refund');
  const kind: ResolutionType = type === 'offer' ? offerType : type;
  const [amount, setAmount] = useState<number | null>(kind === 'refund' ? full : null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const money = kind === 'refund' || kind === 'store_credit';
  const goodwill = money && amount !== null && full !== null && amount > full ? amount - full : 0;
  const overLimit = goodwill > 0 && c.amounts.goodwill_limit !== null && goodwill > c.amounts.goodwill_limit;
  const valid =
    (!money || (amount !== null && amount > 0) || (kind === 'refund' && full !== null)) &&
    (kind !== 'none' || message.trim().length > 0) &&
    !overLimit;
  const payout = money ? format.money(amount ?? full ?? 0, c.currency) : '';

  const send = () => {
    const resolution: Record<string, unknown> = { type: kind };
    if (money && amount !== null) resolution.amount = amount;
    if (type === 'offer') {
      step.mutate(
        { path: 'offer', body: { resolution, message: message.trim() }, idempotencyKey: key.current },
        { onSuccess: onDone },
      );
      return;
    }
    if (goodwill > 0) resolution.goodwill = true;
    if (message.trim()) resolution.message = message.trim();
    step.mutate(
      { path: 'resolve', body: { resolution }, idempotencyKey: key.current },
      { onSuccess: onDone },
    );
  };

  return (
    <Paper p="sm" withBorder data-testid="resolve-form">
      <Stack gap="sm">
        {type === 'offer' && (
          <NativeSelect
            label={t('cases.actions.offerType')}
            value={offerType}
            onChange={(e) => {
              setOfferType(e.currentTarget.value as OfferType);
              setConfirming(false);
            }}
            data={(['refund', 'store_credit', 'reship'] as const).map((v) => ({
              value: v,
              label: t(`cases.resolution.${v}`),
            }))}
          />
        )}
        {money && (
          <MoneyInput
            label={t('cases.actions.amount')}
            description={
              full !== null
                ? t('cases.actions.amountHint', {
                    full: format.money(full, c.currency),
                    refundable: format.money(c.amounts.refundable, c.currency),
                  })
                : t('cases.actions.refundableHint', {
                    refundable: format.money(c.amounts.refundable, c.currency),
                  })
            }
            currency={c.currency}
            value={amount}
            onChange={(v) => {
              setAmount(v);
              setConfirming(false);
            }}
            error={
              overLimit
                ? t('cases.actions.overLimit', {
                    limit: format.money(c.amounts.goodwill_limit ?? 0, c.currency),
                  })
                : undefined
            }
            data-testid="case-amount"
          />
        )}
        {goodwill > 0 && !overLimit && (
          <Text size="sm" c="orange.8">
            {t('cases.actions.goodwill', { amount: format.money(goodwill, c.currency) })}
          </Text>
        )}
        <Textarea
          label={t(type === 'offer' ? 'cases.actions.offerMessage' : 'cases.actions.message')}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={2}
          required={kind === 'none'}
        />
        {!confirming ? (
          <Group>
            <Button disabled={!valid} onClick={() => setConfirming(true)} data-testid="resolve-next">
              {type === 'offer' ? t('cases.actions.sendOffer') : t(`cases.actions.resolve.${kind}`)}
            </Button>
            <Button variant="subtle" color="gray" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
          </Group>
        ) : (
          <Stack gap="xs" data-testid="resolve-confirm">
            <Text size="sm" fw={600}>
              {type === 'offer'
                ? t('cases.actions.confirmOffer', { offer: t(`cases.resolution.${kind}`), amount: payout })
                : t(`cases.actions.confirm.${kind}`, { amount: payout })}
            </Text>
            <Group>
              <Button
                color="teal"
                loading={step.isPending}
                onClick={send}
                data-testid="resolve-confirm-button"
              >
                {t('cases.actions.confirmButton')}
              </Button>
              <Button variant="subtle" color="gray" onClick={() => setConfirming(false)}>
                {t('cases.actions.back')}
              </Button>
            </Group>
          </Stack>
        )}
        {step.error && <ProblemAlert error={step.error} />}
      </Stack>
    </Paper>
  );
}
