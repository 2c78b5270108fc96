import { Anchor, Group, Loader, Paper, Skeleton, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Period, useBreakdown } from '../../api/analytics.ts';
import { DIMENSIONS, type Dimension } from '../../api/types.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { BreakdownChart } from './BreakdownChart.tsx';
import { BreakdownTable } from './BreakdownTable.tsx';
import { topKeys, totalsByKey } from './breakdown.ts';
import { type View, ViewToggle } from './ViewToggle.tsx';

function BreakdownView({ period, dimension }: { period: Period; dimension: Dimension }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('chart');
  const query = useBreakdown(period, dimension);
  const rows = query.data?.dimension === dimension ? query.data.data : null;
  const top = useMemo(() => (rows ? topKeys(totalsByKey(rows)) : []), [rows]);
  const title = t(`analytics.breakdown.titles.${dimension}`);
  if (query.isError) return <ProblemAlert error={query.error} />;
  return (
    <>
      <Group justify="space-between" my="sm" wrap="wrap">
        <div>
          <Title order={3} size="h5">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {t('analytics.breakdown.hint', { count: top.length })}
          </Text>
        </div>
        <Group gap="xs">
          {query.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
          <Anchor
            size="sm"
            href={`/api/v1/analytics/breakdown.csv?${new URLSearchParams({ ...period, dimension })}`}
            download
            data-testid="breakdown-csv"
          >
            {t('bulk.export')}
          </Anchor>
          <ViewToggle value={view} onChange={setView} />
        </Group>
      </Group>
      {!rows ? (
        <Skeleton h={260} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('analytics.empty')}
        </Text>
      ) : view === 'chart' ? (
        <BreakdownChart dimension={dimension} top={top} title={title} />
      ) : (
        <BreakdownTable dimension={dimension} rows={rows} caption={title} />
      )}
    </>
  );
}

/** Return rates by product, category, country, reason, segment and supplier: one tab each. */
export function BreakdownCard({
  period,
  dimension,
  onDimension,
}: {
  period: Period;
  dimension: Dimension;
  onDimension: (d: Dimension) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper p="md" component="section" aria-labelledby="breakdown-title">
      <Title order={2} size="h4" id="breakdown-title" mb="xs">
        {t('analytics.breakdown.title')}
      </Title>
      <Tabs value={dimension} onChange={(v) => v && onDimension(v as Dimension)} keepMounted={false}>
        <Tabs.List>
          {DIMENSIONS.map((d) => (
            <Tabs.Tab key={d} value={d}>
              {t(`analytics.dimensions.${d}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {DIMENSIONS.map((d) => (
          <Tabs.Panel key={d} value={d}>
            <BreakdownView period={period} dimension={d} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
