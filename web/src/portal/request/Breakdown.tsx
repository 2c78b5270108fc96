// What the customer gets back, line by line of the money: items, tax, original shipping, fees, total.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Breakdown as Amounts } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';

export function Breakdown({
  amounts,
  currency,
  caption,
}: {
  amounts: Amounts;
  currency: string;
  caption: string;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const rows: [string, number][] = [
    [t('breakdown.items'), amounts.items],
    [t('breakdown.tax'), amounts.tax],
    [t('breakdown.shipping'), amounts.shipping],
    // fees are kept back from the refund: shown as what they take away
    [t('breakdown.fees'), -amounts.fees],
  ];
  return (
    <Table data-testid="breakdown" verticalSpacing={6} layout="fixed" captionSide="top">
      <Table.Caption style={{ textAlign: 'start' }}>
        <Text fw={600} size="sm" c="dark">
          {caption}
        </Text>
      </Table.Caption>
      <Table.Tbody>
        {rows.map(([label, amount]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={400}>
              {label}
            </Table.Th>
            <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.money(amount, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">{t('breakdown.total')}</Table.Th>
          <Table.Td
            ta="end"
            fw={700}
            data-testid="breakdown-total"
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {format.money(amounts.total, currency)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
