import { SegmentedControl } from '@mantine/core';
import { IconChartBar, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type View = 'chart' | 'table';

/** Every chart has its numbers as a table: for screen readers, for exact figures, for copying. */
export function ViewToggle({ value, onChange }: { value: View; onChange: (v: View) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(v) => onChange(v as View)}
      aria-label={t('analytics.view.label')}
      data={[
        {
          value: 'chart',
          label: (
            <span>
              <IconChartBar size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('analytics.view.chart')}
            </span>
          ),
        },
        {
          value: 'table',
          label: (
            <span>
              <IconTable size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('analytics.view.table')}
            </span>
          ),
        },
      ]}
    />
  );
}
