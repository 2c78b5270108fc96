import { Timeline as MantineTimeline, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';

/** Every event the customer is told about, newest first, with date and time in their locale. */
export function Timeline({
  events,
  keyPrefix = 'status.events',
}: {
  events: TimelineEntry[];
  /** where the events' names are in the catalogue: a return's, or a case's (`cases.events`) */
  keyPrefix?: string;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const list = [...events].reverse();
  if (list.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="timeline-title">
      <Text fw={600} id="timeline-title" mb="sm">
        {t('status.timelineTitle')}
      </Text>
      <MantineTimeline
        active={0}
        bulletSize={12}
        lineWidth={2}
        color="teal.9"
        component="ol"
        style={{ listStyle: 'none', padding: 0 }}
        data-testid="timeline"
      >
        {list.map((e) => (
          <MantineTimeline.Item
            key={`${e.type}-${e.at}`}
            component="li"
            data-event={e.type}
            title={t(`${keyPrefix}.${e.type}`, { defaultValue: t('status.events.other') })}
          >
            <Text size="xs" c="gray.7">
              <time dateTime={e.at}>{format.dateTime(e.at)}</time>
            </Text>
          </MantineTimeline.Item>
        ))}
      </MantineTimeline>
    </Paper>
  );
}
