import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useReturnList } from '../../api/returns.ts';
import { FilterBar } from '../filters/FilterBar.tsx';
import { useReturnFilters } from '../filters/useReturnFilters.ts';
import { QUEUE_LIMIT } from '../queues/queues.ts';
import { ReturnsTable } from '../queues/ReturnsTable.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';

export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const filters = useReturnFilters();
  // Filters alone are a search too: "every return from Japan last month".
  const searching = q.length > 0 || filters.active > 0;
  const list = useReturnList({ ...filters.api, ...(q ? { q } : {}), limit: QUEUE_LIMIT }, searching);
  usePageTitle(q ? t('search.results', { q }) : t('search.title'));
  return (
    <Stack maw={1200} mx="auto">
      <div>
        <Title order={1} size="h2">
          {q ? t('search.results', { q }) : t('search.title')}
        </Title>
        {!q && <Text c="dimmed">{t('search.hint')}</Text>}
      </div>
      <FilterBar filters={filters} status />
      {searching && (
        <ReturnsTable query={list} due={null} empty={q ? t('empty.search', { q }) : t('empty.filtered')} />
      )}
    </Stack>
  );
}
