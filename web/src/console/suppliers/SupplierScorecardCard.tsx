// Supplier scorecards on the analytics page, for the period chosen there: per supplier, or per SKU
// of one supplier; the SKUs whose defect rate passed the threshold as alerts; a CSV of the view.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Period } from '../../api/analytics.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAnalyticsFormat } from '../analytics/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { scorecardPath, useScorecard, useSuppliers } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';

export function SupplierScorecardCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = useAnalyticsFormat();
  const [by, setBy] = useState<'supplier' | 'sku'>('supplier');
  const [supplier, setSupplier] = useState<string | null>(null);
  const suppliers = useSuppliers().data?.data ?? [];
  const params = { from: period.from, to: period.to, by, supplier: by === 'sku' ? supplier : null };
  const q = useScorecard(params);
  const rate = (r: number | null) => (r === null ? '—' : n.percent(r));
  return (
    <Paper p="md" component="section" aria-labelledby="scorecard-title" data-testid="supplier-scorecard">
      <Group justify="space-between" wrap="wrap" mb="sm" align="flex-end">
        <div>
          <Title order={2} size="h4" id="scorecard-title">
            {t('suppliers.scorecard.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('suppliers.scorecard.subtitle')}
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('suppliers.scorecard.by')}
            value={by}
            onChange={(v) => setBy(v as 'supplier' | 'sku')}
            data={[
              { value: 'supplier', label: t('suppliers.scorecard.bySupplier') },
              { value: 'sku', label: t('suppliers.scorecard.bySku') },
            ]}
          />
          {by === 'sku' && (
            <Select
              aria-label={t('suppliers.claims.supplier')}
              placeholder={t('suppliers.claims.any')}
              clearable
              value={supplier}
              onChange={setSupplier}
              data={suppliers.map((s) => ({ value: s.code, label: s.code }))}
              w={180}
            />
          )}
          <Button
            component="a"
            href={`${scorecardPath(params)}&format=csv`}
            download
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {t('suppliers.csv')}
          </Button>
        </Group>
      </Group>
      {q.isError && <ProblemAlert error={q.error} />}
      {!q.data && !q.isError && <Skeleton h={120} />}
      {q.data && (
        <Stack gap="sm" style={{ opacity: q.isPlaceholderData ? 0.55 : 1 }}>
          {q.data.alerts.map((a) => (
            <Alert key={a.sku} color="red" icon={<IconAlertTriangle aria-hidden />} p="xs" data-alert={a.sku}>
              <Text size="sm">{a.message}</Text>
            </Alert>
          ))}
          {q.data.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('suppliers.scorecard.none')}
            </Text>
          ) : (
            <ScrollTable minWidth={820} label={t('suppliers.scorecard.title')}>
              <Table striped data-testid="scorecard-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(by === 'sku' ? 'suppliers.sku' : 'suppliers.claims.supplier')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.sold')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.defectRate')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.wrongItemRate')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.claims')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.acceptance')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.daysToCredit')}</Table.Th>
                    <Table.Th ta="right">{t('suppliers.scorecard.recovered')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {q.data.data.map((r) => (
                    <Table.Tr key={r.key} data-key={r.key}>
                      <Table.Td>
                        {by === 'supplier' ? (
                          <Anchor
                            component={Link}
                            to={`/console/suppliers/${encodeURIComponent(r.key)}`}
                            size="sm"
                          >
                            {r.key}
                          </Anchor>
                        ) : (
                          <Text size="sm">{r.key}</Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {by === 'sku' ? `${r.name} · ${r.supplier_code}` : r.name}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{n.count(r.units_sold)}</Table.Td>
                      <Table.Td ta="right">{rate(r.defect_rate)}</Table.Td>
                      <Table.Td ta="right">{rate(r.wrong_item_rate)}</Table.Td>
                      <Table.Td ta="right">{n.count(r.claims)}</Table.Td>
                      <Table.Td ta="right">{rate(r.acceptance_rate)}</Table.Td>
                      <Table.Td ta="right">
                        {r.mean_days_to_credit === null
                          ? '—'
                          : n.count(Math.round(r.mean_days_to_credit * 10) / 10)}
                      </Table.Td>
                      <Table.Td ta="right">{format.money(r.recovered, q.data.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Stack>
      )}
    </Paper>
  );
}
