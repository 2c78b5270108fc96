import { Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { useReturnList } from '../../api/returns.ts';
import { FilterBar } from '../filters/FilterBar.tsx';
import { useReturnFilters } from '../filters/useReturnFilters.ts';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { BulkBar } from './BulkBar.tsx';
import { isQueueKey, QUEUES, queueParams } from './queues.ts';
import { ReturnsTable } from './ReturnsTable.tsx';
import { ScanBox } from './ScanBox.tsx';
import { useQueueKeys, useSelection } from './useQueueKeys.ts';

export function QueuePage() {
  const { t } = useTranslation();
  const { queue: key } = useParams();
  const queue = isQueueKey(key) ? QUEUES[key] : null;
  const filters = useReturnFilters();
  // The queue's own status wins: a filter narrows a queue, it never turns it into another one.
  const list = useReturnList(queue ? { ...filters.api, ...queueParams(queue) } : {}, queue !== null);
  usePageTitle(queue ? t(`queues.${queue.key}.title`) : undefined);
  const selection = useSelection(queue?.key);
  const active = useQueueKeys(list.data?.data ?? [], selection);
  if (!queue) return <Navigate to="/console" replace />;
  const Icon = queue.icon;
  const count = list.data?.data.length;
  const params = { ...filters.api, ...queueParams(queue) };
  return (
    <Stack maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={42} radius="md" aria-hidden>
            <Icon size={24} />
          </ThemeIcon>
          <div>
            <Title order={1} size="h2">
              {t(`queues.${queue.key}.title`)}
            </Title>
            <Text c="dimmed" size="sm">
              {t(`queues.${queue.key}.description`)}
            </Text>
          </div>
        </Group>
        {count !== undefined && count > 0 && (
          <Text fw={600} c="dimmed" aria-live="polite">
            {t('queues.count', { count })}
          </Text>
        )}
      </Group>
      {queue.scan && <ScanBox />}
      <FilterBar filters={filters} />
      <BulkBar
        selected={[...selection.selected]}
        params={params}
        canApprove={queue.key === 'review'}
        canLabel={queue.key === 'awaiting'}
        onDone={() => selection.setAll([])}
      />
      <ReturnsTable
        query={list}
        due={queue.due}
        empty={t(filters.active > 0 ? 'empty.filtered' : 'empty.queue')}
        selection={selection}
        active={active}
      />
      <Text size="xs" c="dimmed" visibleFrom="sm" data-testid="shortcuts">
        {t('shortcuts.queue')}
      </Text>
      {list.data?.next_cursor && (
        <Text size="sm" c="dimmed">
          {t('queues.more', { count })}
        </Text>
      )}
    </Stack>
  );
}
