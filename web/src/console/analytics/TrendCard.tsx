import { Group, Paper, Table, Text, Title, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../api/analytics.ts';
import type { AnalyticsSummary, Interval } from '../../api/types.ts';
import { type ChartOption, EChart } from './EChart.tsx';
import { useAnalyticsFormat } from './format.ts';
import { fillSeries } from './period.ts';
import { type View, ViewToggle } from './ViewToggle.tsx';

interface Props {
  summary: AnalyticsSummary;
  period: Period;
  interval: Interval;
}

/** Units sold and returned per period (bars) and the return rate (line, right axis). */
export function TrendCard({ summary, period, interval }: Props) {
  const { t } = useTranslation();
  const f = useAnalyticsFormat();
  const theme = useMantineTheme();
  const [view, setView] = useState<View>('chart');
  const points = useMemo(() => fillSeries(summary.timeseries, period, interval), [summary, period, interval]);
  const years = new Set(points.map((p) => p.period.slice(0, 4)));
  const labels = points.map((p) => f.period(p.period, interval, years.size > 1));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters and labels follow the data and the language (t)
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? f.count(v) : '–') },
      legend: { top: 0, left: 0, itemGap: 16 },
      grid: { left: 48, right: 56, top: 44, bottom: 28 },
      xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: theme.colors.gray[2] } } },
        {
          type: 'value',
          min: 0,
          axisLabel: { formatter: (v: number) => f.percent(v) },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          type: 'bar',
          name: t('analytics.trend.sold'),
          data: points.map((p) => p.units_sold),
          color: theme.colors.gray[4],
        },
        {
          type: 'bar',
          name: t('analytics.trend.returned'),
          data: points.map((p) => p.units_returned),
          color: theme.colors.teal[7],
        },
        {
          type: 'line',
          name: t('analytics.trend.rate'),
          yAxisIndex: 1,
          data: points.map((p) => p.return_rate),
          color: theme.colors.orange[7],
          symbolSize: 6,
          tooltip: { valueFormatter: (v) => (typeof v === 'number' ? f.percent(v) : '–') },
          lineStyle: { width: 2.5 },
        },
      ],
    }),
    [points, t, theme],
  );
  const title = t('analytics.trend.title');
  return (
    <Paper p="md" component="section" aria-labelledby="trend-title">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id="trend-title">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {t(`analytics.trend.per.${interval}`)}
          </Text>
        </div>
        <ViewToggle value={view} onChange={setView} />
      </Group>
      {points.length === 0 ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('analytics.empty')}
        </Text>
      ) : view === 'chart' ? (
        <EChart
          option={option}
          height={300}
          testId="trend-chart"
          label={t(`analytics.trend.chartLabel.${interval}`, { first: labels[0], last: labels.at(-1) })}
        />
      ) : (
        <Table.ScrollContainer minWidth={480} mah={360}>
          <Table
            striped
            stickyHeader
            fz="sm"
            data-testid="trend-table"
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            <VisuallyHidden component="caption">{title}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analytics.table.period')}</Table.Th>
                <Table.Th ta="end">{t('analytics.table.orders')}</Table.Th>
                <Table.Th ta="end">{t('analytics.trend.sold')}</Table.Th>
                <Table.Th ta="end">{t('analytics.trend.returned')}</Table.Th>
                <Table.Th ta="end">{t('analytics.trend.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p, i) => (
                <Table.Tr key={p.period}>
                  <Table.Th scope="row" fw={400}>
                    {labels[i]}
                  </Table.Th>
                  <Table.Td ta="end">{f.count(p.orders)}</Table.Td>
                  <Table.Td ta="end">{f.count(p.units_sold)}</Table.Td>
                  <Table.Td ta="end">{f.count(p.units_returned)}</Table.Td>
                  <Table.Td ta="end">{p.return_rate === null ? '–' : f.percent(p.return_rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
