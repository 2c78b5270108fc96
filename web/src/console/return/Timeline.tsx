import { Timeline as MantineTimeline, Paper, Skeleton, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReturnEvents } from '../../api/returns.ts';
import type { TimelineEvent } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useActorName } from './actor-name.ts';

function EventTitle({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  return t(`timeline.events.${event.type}`, {
    defaultValue: t('timeline.events.other', { type: event.type.replaceAll('_', ' ') }),
  });
}

/** An assignment names who had the return and who has it now. */
function AssignmentDetail({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const data = event.data as { from?: { name?: string | null } | null; to?: { name?: string | null } | null };
  const name = (who: { name?: string | null } | null | undefined) => who?.name ?? t('assignee.none');
  return <Text size="sm">{t('timeline.assignment', { from: name(data?.from), to: name(data?.to) })}</Text>;
}

export function Timeline({ caseId, base = 'returns' }: { caseId: string; base?: 'returns' | 'cases' }) {
  const { t } = useTranslation();
  const name = useActorName();
  const actorName = (e: TimelineEvent) => name(e.actor, e.actor_view);

  const format = useFormat();
  const events = useReturnEvents(caseId, base);
  const list = events.data?.data ?? [];
  return (
    <Paper p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="md">
        {t('timeline.title')}
      </Title>
      {events.isPending && <Skeleton h={120} />}
      {/* Newest first: the reader usually wants what just happened. */}
      <MantineTimeline
        active={list.length}
        bulletSize={14}
        lineWidth={2}
        reverseActive
        component="ol"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {[...list].reverse().map((e) => (
          <MantineTimeline.Item
            key={e.id}
            title={<EventTitle event={e} />}
            component="li"
            data-event={e.type}
          >
            {e.type === 'assigned' && <AssignmentDetail event={e} />}
            <Text size="xs" c="dimmed">
              <time dateTime={e.at}>{format.dateTime(e.at)}</time> ·{' '}
              <span title={e.actor} data-actor={e.actor_view?.kind ?? 'raw'}>
                {t('timeline.by', { actor: actorName(e) })}
              </span>
            </Text>
          </MantineTimeline.Item>
        ))}
      </MantineTimeline>
    </Paper>
  );
}
