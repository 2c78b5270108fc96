// Where the store promises customers more than a supplier's terms give: each gap with the units of
// the last days that fell in it and what they were worth (the store's reporting currency).
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import type { GapReport } from './api.ts';

export function GapAlerts({ report, linkSuppliers = false }: { report: GapReport; linkSuppliers?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const apart = report.data.filter((s) => (s.unconverted ?? []).length > 0);
  const rows = report.data.flatMap((s) => s.gaps.map((g, i) => ({ s, g, key: `${s.supplier.id}-${i}` })));
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="gaps-none">
        {t('suppliers.gaps.none', { count: report.days })}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="gaps">
      {rows.map(({ s, g, key }) => (
        <Alert
          key={key}
          color={g.units > 0 ? 'orange' : 'yellow'}
          icon={<IconAlertTriangle aria-hidden />}
          p="sm"
          data-gap={g.kind}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div style={{ flex: '1 1 320px' }}>
              {linkSuppliers && (
                <Anchor
                  component={Link}
                  to={`/console/suppliers/${s.supplier.code}`}
                  size="sm"
                  fw={700}
                  c="inherit"
                  underline="always"
                >
                  {s.supplier.code}
                </Anchor>
              )}
              <Text size="sm">{g.message}</Text>
            </div>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('suppliers.gaps.fell', {
                count: g.units,
                value: format.money(g.value, report.currency),
                days: report.days,
              })}
            </Text>
          </Group>
        </Alert>
      ))}
      {apart.map((s) => (
        <Text key={s.supplier.id} size="xs" c="dimmed" data-testid="gaps-unconverted">
          {t('suppliers.gaps.unconverted', {
            code: s.supplier.code,
            amounts: (s.unconverted ?? []).map((u) => format.money(u.amount, u.currency)).join(', '),
          })}
        </Text>
      ))}
    </Stack>
  );
}
