// Step: how the parcel goes back, among the ways the store offers, each with what it costs.
import { Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Eligibility, ShippingMethod } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import type { Draft } from './draft.ts';
import { OptionCard } from './OptionCard.tsx';

export function shippingFee(preview: Eligibility): number {
  return preview.lines.reduce((sum, l) => sum + l.fees.return_shipping, 0);
}

export function MethodStep({
  offered,
  pending,
  currency,
  draft,
  update,
  showErrors,
}: {
  offered: { method: ShippingMethod; preview: Eligibility }[];
  pending: boolean;
  currency: string;
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  if (pending && offered.length === 0) return <Skeleton h={160} />;
  return (
    <Radio.Group
      value={draft.method ?? ''}
      onChange={(v) => update({ method: v as ShippingMethod })}
      label={t('wizard.method.question')}
      error={showErrors && !draft.method ? t('wizard.method.missing') : undefined}
      size="md"
    >
      <Stack gap="sm" mt="xs">
        {offered.map(({ method, preview }) => {
          const fee = shippingFee(preview);
          return (
            <OptionCard
              key={method}
              value={method}
              testId={`method-${method}`}
              title={t(`methods.${method}.title`)}
              aside={
                <Text size="sm" fw={600} c={fee ? 'dark' : 'teal.9'}>
                  {fee
                    ? t('wizard.method.fee', { amount: format.money(fee, currency) })
                    : t('wizard.method.free')}
                </Text>
              }
            >
              <Text size="sm" c="gray.7">
                {t(`methods.${method}.body`)}
              </Text>
            </OptionCard>
          );
        })}
      </Stack>
    </Radio.Group>
  );
}
