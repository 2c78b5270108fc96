// A month per supplier, in the store's reporting currency: what was refunded and replaced for
// customers on its units, what was claimed and credited, the difference and the share recovered,
// with the exchange rates the conversion used.
import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useAnalyticsFormat } from '../analytics/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { type ReconciliationRow, useReconciliation } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COLUMNS = ['refunded', 'replaced', 'claimed', 'credited', 'difference'] as const;

export function ReconciliationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const numbers = useAnalyticsFormat();
  usePageTitle(t('suppliers.reconciliation.title'));
  const [params, setParams] = useSearchParams();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : new Date().toISOString().slice(0, 7);
  const q = useReconciliation(month);
  const r = q.data;
  // On a phone seven columns do not fit: each supplier becomes a small card of label and amount.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const card = (
    key: string,
    title: string,
    subtitle: string | null,
    row: ReconciliationRow,
    currency: string,
  ) => (
    <Paper key={key} withBorder p="sm" data-supplier={key}>
      <Text fw={700} size="sm">
        {title}
      </Text>
      {subtitle && (
        <Text size="xs" c="dimmed" mb={6}>
          {subtitle}
        </Text>
      )}
      <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
        {COLUMNS.map((k) => (
          <Group key={k} justify="space-between" gap={4} wrap="nowrap" data-col={k}>
            <Text size="xs" c="dimmed">
              {t(`suppliers.amounts.${k}`)}
            </Text>
            <Text
              size="sm"
              c={k === 'difference' && row[k] > 0 ? 'red.8' : undefined}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {format.money(row[k], currency)}
            </Text>
          </Group>
        ))}
        <Group justify="space-between" gap={4} wrap="nowrap" data-col="recovered_share">
          <Text size="xs" c="dimmed">
            {t('suppliers.amounts.recovered')}
          </Text>
          <Text size="sm">{row.recovered_share === null ? '—' : numbers.percent(row.recovered_share)}</Text>
        </Group>
      </SimpleGrid>
    </Paper>
  );
  const cells = (row: ReconciliationRow, currency: string) => (
    <>
      {COLUMNS.map((k) => (
        <Table.Td
          key={k}
          ta="right"
          data-col={k}
          c={k === 'difference' && row[k] > 0 ? 'red.8' : undefined}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {format.money(row[k], currency)}
        </Table.Td>
      ))}
      <Table.Td ta="right" data-col="recovered_share">
        {row.recovered_share === null ? '—' : numbers.percent(row.recovered_share)}
      </Table.Td>
    </>
  );
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t('suppliers.reconciliation.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('suppliers.reconciliation.subtitle')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end">
        <TextInput
          type="month"
          label={t('suppliers.reconciliation.month')}
          value={month}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (MONTH.test(v)) setParams({ month: v }, { replace: true });
          }}
          w={200}
        />
        <Button
          component="a"
          href={`/api/v1/suppliers/reconciliation?month=${month}&format=csv`}
          download
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          {t('suppliers.csv')}
        </Button>
      </Group>
      {q.isError && <ProblemAlert error={q.error} />}
      {q.isPending && <Skeleton h={200} />}
      {r && (
        <Paper p="md" component="section" aria-labelledby="reconciliation-table-title">
          <Title order={2} size="h4" id="reconciliation-table-title" mb="sm">
            {t('suppliers.reconciliation.tableTitle', {
              month: new Intl.DateTimeFormat(format.locale, {
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              }).format(new Date(`${r.month}-01T00:00:00Z`)),
              currency: r.currency,
            })}
          </Title>
          {r.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('suppliers.reconciliation.none')}
            </Text>
          ) : phone ? (
            <Stack gap="xs" data-testid="reconciliation">
              {r.data.map((row) =>
                card(row.supplier.code, row.supplier.code, row.supplier.name, row, r.currency),
              )}
              {card('totals', t('suppliers.reconciliation.totals'), null, r.totals, r.currency)}
            </Stack>
          ) : (
            <ScrollTable minWidth={760} label={t('suppliers.reconciliation.title')}>
              <Table striped data-testid="reconciliation">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('suppliers.claims.supplier')}</Table.Th>
                    {COLUMNS.map((k) => (
                      <Table.Th key={k} ta="right">
                        {t(`suppliers.amounts.${k}`)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('suppliers.amounts.recovered')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.data.map((row) => (
                    <Table.Tr key={row.supplier.id} data-supplier={row.supplier.code}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {row.supplier.code}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.supplier.name}
                        </Text>
                      </Table.Td>
                      {cells(row, r.currency)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr data-supplier="totals" fw={700}>
                    <Table.Th>{t('suppliers.reconciliation.totals')}</Table.Th>
                    {cells(r.totals, r.currency)}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ScrollTable>
          )}
          {r.data.some((d) => d.unconverted.length > 0) && (
            <Alert color="yellow" mt="sm">
              {t('suppliers.reconciliation.unconverted')}
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {r.data.flatMap((d) =>
                  d.unconverted.map((u) => (
                    <li key={`${d.supplier.id}-${u.field}-${u.currency}`}>
                      {d.supplier.code} · {t(`suppliers.amounts.${u.field}`, { defaultValue: u.field })}:{' '}
                      {format.money(u.amount, u.currency)}
                    </li>
                  )),
                )}
              </ul>
            </Alert>
          )}
          <Text size="xs" c="dimmed" mt="sm" data-testid="rates-used">
            {r.rates.length === 0
              ? t('suppliers.reconciliation.noRates')
              : t('suppliers.reconciliation.rates', {
                  rates: r.rates.map((x) => `1 ${x.from} = ${x.rate} ${r.currency} (${x.day})`).join('; '),
                })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
