import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  type Icon,
  IconAlarm,
  IconArrowBackUp,
  IconClockHour4,
  IconPackageImport,
  IconReceiptRefund,
  IconRobot,
  IconShoppingBag,
  IconUrgent,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsSummary } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAnalyticsFormat } from './format.ts';

function Kpi({
  id,
  icon: I,
  label,
  value,
  sub,
  alert,
}: {
  id: string;
  icon: Icon;
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  alert?: boolean;
}) {
  return (
    <Paper p="md" data-testid={`kpi-${id}`} component="section" aria-labelledby={`kpi-${id}-label`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" id={`kpi-${id}-label`} component="h2" fw={500} m={0}>
            {label}
          </Text>
          <Text
            component="div"
            fz={26}
            fw={700}
            c={alert ? 'red.8' : undefined}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            lh={1.2}
          >
            {value}
          </Text>
          {sub && (
            <Text size="xs" c="dimmed">
              {sub}
            </Text>
          )}
        </Stack>
        <ThemeIcon variant="light" color={alert ? 'red' : 'teal'} size={36} radius="md" aria-hidden>
          <I size={20} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

/** The period at a glance: how much comes back, how fast the team works, what money went out. */
export function KpiCards({ summary }: { summary: AnalyticsSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = useAnalyticsFormat();
  const sold = summary.timeseries.reduce((s, p) => s + p.units_sold, 0);
  const returned = summary.timeseries.reduce((s, p) => s + p.units_returned, 0);
  const h = summary.health;
  const refunds = summary.refunds;
  const total = summary.refunds_total;
  const orders = summary.timeseries.reduce((s, p) => s + p.orders, 0);
  const refunded =
    refunds.length === 0 ? (
      '–'
    ) : (
      <Stack gap={0}>
        <Text fz={26} fw={700} lh={1.25} data-testid="refunds-total">
          {format.money(total.amount, total.currency)}
        </Text>
        <RatesNote total={total} />
      </Stack>
    );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <Kpi
        id="orders"
        icon={IconShoppingBag}
        label={t('analytics.kpi.orders')}
        value={f.count(orders)}
        sub={t('analytics.kpi.ordersHint')}
      />
      <Kpi
        id="return-rate"
        icon={IconArrowBackUp}
        label={t('analytics.kpi.returnRate')}
        value={sold > 0 ? f.percent(returned / sold) : '–'}
        sub={t('analytics.kpi.unitsOf', { returned: f.count(returned), sold: f.count(sold) })}
      />
      <Kpi
        id="returns"
        icon={IconPackageImport}
        label={t('analytics.kpi.returns')}
        value={f.count(h.returns)}
        sub={t('analytics.kpi.completed', { count: h.completed })}
      />
      <Kpi
        id="refunded"
        icon={IconReceiptRefund}
        label={t('analytics.kpi.refunded')}
        value={refunded}
        sub={t('analytics.kpi.refundCount', { count: refunds.reduce((s, r) => s + r.refunds, 0) })}
      />
      <Kpi
        id="auto-approved"
        icon={IconRobot}
        label={t('analytics.kpi.autoApproved')}
        value={h.auto_approved_share === null ? '–' : f.percent(h.auto_approved_share)}
        sub={t('analytics.kpi.autoApprovedHint')}
      />
      <Kpi
        id="time-to-refund"
        icon={IconClockHour4}
        label={t('analytics.kpi.timeToRefund')}
        value={f.hours(h.median_hours_to_refund)}
        sub={t('analytics.kpi.timeToRefundHint')}
      />
      <Kpi
        id="sla"
        icon={IconAlarm}
        label={t('analytics.kpi.slaBreached')}
        value={f.count(h.review_sla_breached)}
        alert={h.review_sla_breached > 0}
        sub={t('analytics.kpi.slaBreachedHint')}
      />
      <Kpi
        id="overdue"
        icon={IconUrgent}
        label={t('analytics.kpi.refundOverdue')}
        value={f.count(h.refund_overdue)}
        alert={h.refund_overdue > 0}
        sub={t('analytics.kpi.refundOverdueHint')}
      />
    </SimpleGrid>
  );
}

/** Which store rates turned other currencies into the reporting one (in full on hover), and what
 *  had no rate. */
function RatesNote({ total }: { total: AnalyticsSummary['refunds_total'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total.rates.length === 0 && total.unconverted.length === 0) return null;
  const full = total.rates
    .map((r) => `1 ${r.from} = ${r.rate} ${total.currency} (${format.date(r.day)})`)
    .join('; ');
  return (
    <Text size="xs" c="dimmed" data-testid="refunds-rates" title={full}>
      {total.rates.length > 0 &&
        t('analytics.kpi.convertedAt', { currencies: total.rates.map((r) => r.from).join(', ') })}
      {total.unconverted.length > 0 &&
        ` ${t('analytics.kpi.notConverted', {
          amounts: total.unconverted.map((u) => format.money(u.amount, u.currency)).join(', '),
        })}`}
    </Text>
  );
}
