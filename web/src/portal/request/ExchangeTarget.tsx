// What the customer receives instead of an item, named with its size or colour.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVariants } from '../api/queries.ts';

export function ExchangeTarget({ lineId, sku }: { lineId: string; sku: string }) {
  const { t } = useTranslation('portal');
  const variants = useVariants(lineId, true);
  const v = variants.data?.variants.find((x) => x.sku === sku);
  if (!v) return null;
  return (
    <Text size="sm" data-testid="exchange-target">
      {t('status.exchangeFor', { item: v.variant ? `${v.title} (${v.variant})` : v.title })}
    </Text>
  );
}
