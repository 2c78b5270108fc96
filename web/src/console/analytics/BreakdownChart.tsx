import { useMantineTheme } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../api/types.ts';
import { type KeyTotal, useKeyLabel } from './breakdown.ts';
import { type ChartOption, EChart } from './EChart.tsx';
import { useAnalyticsFormat } from './format.ts';

/**
 * Horizontal bars, longest labels readable: the return rate of each key, or for reasons (which sell
 * nothing) the units returned.
 */
export function BreakdownChart({
  dimension,
  top,
  title,
}: {
  dimension: Dimension;
  top: KeyTotal[];
  title: string;
}) {
  const { t } = useTranslation();
  const f = useAnalyticsFormat();
  const theme = useMantineTheme();
  const label = useKeyLabel(dimension);
  const byRate = dimension !== 'reason';
  // ECharts draws the first category at the bottom: reverse, so the biggest is on top.
  const shown = [...top].reverse();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters and labels follow the data and the language (t)
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? (byRate ? f.percent(v) : f.count(v)) : '–'),
      },
      grid: {
        left: 8,
        right: 48,
        top: 8,
        bottom: 24,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'value',
        min: 0,
        minInterval: byRate ? undefined : 1,
        axisLabel: { formatter: (v: number) => (byRate ? f.percent(v) : f.count(v)) },
      },
      yAxis: {
        type: 'category',
        data: shown.map((k) => label(k.key)),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t(byRate ? 'analytics.trend.rate' : 'analytics.trend.returned'),
          data: shown.map((k) => (byRate ? (k.return_rate ?? 0) : k.units_returned)),
          color: theme.colors.teal[7],
          barMaxWidth: 22,
          label: {
            show: true,
            position: 'right',
            formatter: (p) =>
              typeof p.value === 'number' ? (byRate ? f.percent(p.value) : f.count(p.value)) : '',
          },
        },
      ],
    }),
    [top, t, theme, byRate],
  );
  return (
    <EChart
      option={option}
      height={Math.max(160, shown.length * 30 + 40)}
      testId="breakdown-chart"
      label={t('analytics.breakdown.chart', { title, count: shown.length })}
    />
  );
}
