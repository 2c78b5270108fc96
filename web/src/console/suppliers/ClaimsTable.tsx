// Claims in a table: number, supplier, status, amounts in the supplier's currency, deadline.
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import type { ClaimSummary } from './api.ts';
import { ClaimStatusBadge } from './ClaimStatusBadge.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ScrollTable } from './ScrollTable.tsx';

export function ClaimsTable({
  claims,
  showSupplier = true,
}: {
  claims: ClaimSummary[];
  showSupplier?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (claims.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('suppliers.claims.none')}
      </Text>
    );
  const money = (n: number | null, c: string) => (n === null ? '—' : format.money(n, c));
  return (
    <ScrollTable minWidth={720} label={t('suppliers.claims.title')}>
      <Table striped data-testid="claims-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('suppliers.claims.number')}</Table.Th>
            {showSupplier && <Table.Th>{t('suppliers.claims.supplier')}</Table.Th>}
            <Table.Th>{t('suppliers.claims.status')}</Table.Th>
            <Table.Th ta="right">{t('suppliers.amounts.claimed')}</Table.Th>
            <Table.Th ta="right">{t('suppliers.amounts.accepted')}</Table.Th>
            <Table.Th ta="right">{t('suppliers.amounts.credited')}</Table.Th>
            <Table.Th>{t('suppliers.claims.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((c) => (
            <Table.Tr key={c.id} data-claim={c.number}>
              <Table.Td>
                <Anchor component={Link} to={`/console/supplier-claims/${c.id}`}>
                  {c.number}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('suppliers.claims.lines', { count: Number(c.lines) })}
                </Text>
              </Table.Td>
              {showSupplier && (
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/console/suppliers/${encodeURIComponent(c.supplier_code)}`}
                    size="sm"
                  >
                    {c.supplier_code}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {c.supplier_name}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <ClaimStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(c.claimed_amount, c.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(c.accepted_amount, c.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(c.credited_amount, c.currency)}
              </Table.Td>
              <Table.Td>
                <DeadlineText deadline={c.deadline} status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
