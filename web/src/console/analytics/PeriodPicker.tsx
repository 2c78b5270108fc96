import { Group, NativeSelect, Paper, SegmentedControl, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRESETS, toDay } from './period.ts';
import type { PeriodParams } from './usePeriodParams.ts';

const DAY = 86_400_000;

/** Presets for the usual questions, a custom range for any other (e.g. an imported year). */
export function PeriodPicker({ p, earliest }: { p: PeriodParams; earliest?: string | undefined }) {
  const { t } = useTranslation();
  const choose = (value: string) => {
    if (value !== 'custom') return p.update({ range: value, from: null, to: null });
    // A custom range starts from the period on screen, so the owner only moves one end.
    const from = p.period ? toDay(new Date(p.period.from)) : toDay(new Date(Date.now() - 90 * DAY));
    const to = p.period ? toDay(new Date(Date.parse(p.period.to) - DAY)) : toDay(new Date());
    // From "all time", the custom range starts at the first order on the chart (e.g. an imported year).
    const first = p.preset === 'all' && earliest ? toDay(new Date(earliest)) : from;
    p.update({ range: 'custom', from: first, to });
  };
  const presets = PRESETS.map((value) => ({ value, label: t(`analytics.period.${value}`) }));
  const intervals = (['auto', 'day', 'week', 'month'] as const).map((value) => ({
    value,
    label: t(`analytics.interval.${value}`),
  }));
  const chooseInterval = (v: string) => p.update({ interval: v === 'auto' ? null : v });
  return (
    <Paper p="sm" role="group" aria-label={t('analytics.period.label')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {/* Five choices do not fit a phone's width: there they are a plain select. */}
        <SegmentedControl
          visibleFrom="sm"
          value={p.preset}
          onChange={choose}
          aria-label={t('analytics.period.label')}
          data={presets}
        />
        <NativeSelect
          hiddenFrom="sm"
          label={t('analytics.period.label')}
          value={p.preset}
          onChange={(e) => choose(e.currentTarget.value)}
          data={presets}
        />
        {p.preset === 'custom' && (
          <>
            <TextInput
              type="date"
              size="sm"
              label={t('analytics.period.from')}
              value={p.from ?? ''}
              max={p.to ?? undefined}
              onChange={(e) => p.update({ from: e.currentTarget.value || null })}
              error={!p.period ? t('analytics.period.invalid') : undefined}
            />
            <TextInput
              type="date"
              size="sm"
              label={t('analytics.period.to')}
              value={p.to ?? ''}
              min={p.from ?? undefined}
              onChange={(e) => p.update({ to: e.currentTarget.value || null })}
            />
          </>
        )}
        <SegmentedControl
          visibleFrom="sm"
          ml="auto"
          size="sm"
          value={p.interval}
          onChange={chooseInterval}
          aria-label={t('analytics.interval.label')}
          data={intervals}
        />
        <NativeSelect
          hiddenFrom="sm"
          label={t('analytics.interval.label')}
          value={p.interval}
          onChange={(e) => chooseInterval(e.currentTarget.value)}
          data={intervals}
        />
      </Group>
    </Paper>
  );
}
