// Step: what the customer wants instead: the money back, store credit with its bonus, an exchange,
// or keeping the item when the store offers that. Each option shows its amount from the engine.
import { Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Eligibility, OrderLine, ResolutionType } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import type { Draft } from './draft.ts';
import { useExchangeText } from './exchange-money.ts';
import { OptionCard } from './OptionCard.tsx';
import { VariantPicker } from './VariantPicker.tsx';

export interface ResolutionOption {
  type: ResolutionType;
  preview: Eligibility | undefined;
  error: unknown;
}

function ExchangeSummary({ preview, currency }: { preview: Eligibility | undefined; currency: string }) {
  const text = useExchangeText();
  const x = preview?.exchange;
  if (!x) return null;
  return <Text size="sm">{text(x, currency)}</Text>;
}

export function ResolutionStep({
  options,
  lines,
  currency,
  draft,
  update,
  showErrors,
}: {
  options: ResolutionOption[];
  lines: OrderLine[];
  currency: string;
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const amount = (value: number | undefined) =>
    value === undefined ? <Skeleton h={16} w={70} /> : <Text fw={700}>{format.money(value, currency)}</Text>;

  return (
    <Radio.Group
      value={draft.resolution ?? ''}
      onChange={(v) => update({ resolution: v as ResolutionType })}
      label={t('wizard.resolution.question')}
      error={showErrors && !draft.resolution ? t('wizard.resolution.missing') : undefined}
      size="md"
    >
      <Stack gap="sm" mt="xs">
        {options.map(({ type, preview, error }) => (
          <OptionCard
            key={type}
            value={type}
            testId={`resolution-${type}`}
            title={t(`resolutions.${type}.title`)}
            aside={
              type === 'store_credit'
                ? amount(preview?.store_credit?.total ?? preview?.totals.total)
                : type === 'exchange'
                  ? null
                  : amount(preview?.totals.total)
            }
          >
            <Text size="sm" c="gray.7">
              {t(`resolutions.${type}.body`)}
            </Text>
            {type === 'store_credit' && preview?.store_credit && preview.store_credit.bonus > 0 && (
              <Text size="sm" c="teal.9" fw={600} data-testid="store-credit-bonus">
                {t('wizard.resolution.bonus', { amount: format.money(preview.store_credit.bonus, currency) })}
              </Text>
            )}
            {error ? <ProblemMessage error={error} mt="xs" /> : null}
          </OptionCard>
        ))}
        {draft.resolution === 'exchange' && (
          <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 8 }}>
            {lines.map((line) => (
              <VariantPicker
                key={line.id}
                line={line}
                currency={currency}
                value={draft.exchange[line.id]}
                onChange={(sku) => update({ exchange: { ...draft.exchange, [line.id]: sku } })}
              />
            ))}
            <ExchangeSummary
              preview={options.find((o) => o.type === 'exchange')?.preview}
              currency={currency}
            />
          </Stack>
        )}
      </Stack>
    </Radio.Group>
  );
}
