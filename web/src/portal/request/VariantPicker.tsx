// Exchange: what each item is exchanged for. The store's catalogue lists the other sizes and colours
// of the same product, priced in the order's currency; the same item again is always possible.
import { Loader, NativeSelect, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useVariants } from '../api/queries.ts';
import type { OrderLine } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';

export function VariantPicker({
  line,
  currency,
  value,
  onChange,
}: {
  line: OrderLine;
  currency: string;
  value: string | undefined;
  onChange: (sku: string) => void;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const variants = useVariants(line.id, true);
  const list = variants.data?.variants ?? [];
  // The same item is there even when the catalogue does not know the product in this currency.
  const options = list.some((v) => v.sku === line.sku)
    ? list
    : [
        {
          sku: line.sku,
          title: line.title,
          variant: line.variant,
          price: line.unit_price,
          currency,
          current: true,
        },
        ...list,
      ];
  // biome-ignore lint/correctness/useExhaustiveDependencies: pick the same item once, when nothing is chosen
  useEffect(() => {
    if (!value) onChange(line.sku);
  }, [value]);
  if (variants.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <div>
      <NativeSelect
        label={t('wizard.resolution.exchangeFor', { title: line.title })}
        value={value ?? line.sku}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={options.map((v) => ({
          value: v.sku,
          label: t(v.sku === line.sku ? 'wizard.resolution.sameVariant' : 'wizard.resolution.variantOption', {
            variant: v.variant ?? v.title,
            price: format.money(v.price, v.currency),
          }),
        }))}
        data-testid={`variant-${line.id}`}
      />
      {options.length === 1 && (
        <Text size="xs" c="gray.7" mt={4}>
          {t('wizard.resolution.onlySame')}
        </Text>
      )}
    </div>
  );
}
