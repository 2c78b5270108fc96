import { Alert, Group, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnalyticsSummary } from '../../api/analytics.ts';
import { useFormat } from '../../i18n/format.ts';
import { SupplierScorecardCard } from '../suppliers/SupplierScorecardCard.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { BreakdownCard } from './BreakdownCard.tsx';
import { CsatCard } from './CsatCard.tsx';
import { KpiCards } from './KpiCards.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { TrendCard } from './TrendCard.tsx';
import { usePeriodParams } from './usePeriodParams.ts';

export function AnalyticsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const p = usePeriodParams();
  usePageTitle(t('analytics.title'));
  const summary = useAnalyticsSummary(p.period, p.effectiveInterval);
  const shown = summary.data;
  return (
    <Stack maw={1400} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('analytics.title')}
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite" data-testid="analytics-range">
            {p.period && p.preset !== 'all'
              ? t('analytics.range', {
                  from: format.date(p.period.from),
                  to: format.date(new Date(Date.parse(p.period.to) - 1).toISOString()),
                })
              : t('analytics.allTime')}
          </Text>
        </div>
        {summary.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
      </Group>
      <PeriodPicker p={p} earliest={shown?.timeseries[0]?.period} />
      {!p.period && <Alert color="yellow">{t('analytics.period.invalid')}</Alert>}
      {summary.isError && <ProblemAlert error={summary.error} />}
      {p.period && !shown && !summary.isError && (
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
          {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
            <Skeleton key={i} h={110} />
          ))}
        </SimpleGrid>
      )}
      {p.period && shown && (
        // Dimmed while a new period loads, so old numbers are never read as the new ones.
        <Stack
          gap="md"
          style={{ opacity: summary.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }}
          aria-busy={summary.isPlaceholderData}
        >
          <KpiCards summary={shown} />
          <TrendCard summary={shown} period={p.period} interval={p.effectiveInterval} />
        </Stack>
      )}
      {p.period && <CsatCard period={p.period} />}
      {p.period && (
        <BreakdownCard
          period={p.period}
          dimension={p.dimension}
          onDimension={(d) => p.update({ dimension: d })}
        />
      )}
      {p.period && <SupplierScorecardCard period={p.period} />}
    </Stack>
  );
}
