// Customer satisfaction from the surveys sent after cases: CSAT (the share of 4 and 5), the
// average score and the number of answers, overall and by week, product, reason or agent.
import { Group, Paper, SegmentedControl, Skeleton, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSAT_GROUPS, type CsatGroup, type Period, useCsat } from '../../api/analytics.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

export function CsatCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [group, setGroup] = useState<CsatGroup>('week');
  const q = useCsat(period, group);
  const label = (key: string | null, name: string | null) => {
    if (group === 'week' && key) return t('analytics.csat.weekOf', { date: format.date(key) });
    if (group === 'reason' && key) return t(`analytics.csat.reasons.${key}`, { defaultValue: key });
    if (group === 'agent') return name ?? t('analytics.csat.unassigned');
    return name ? `${name} (${key})` : (key ?? '—');
  };
  return (
    <Paper p="md" component="section" aria-labelledby="csat-title" data-testid="csat">
      <Group justify="space-between" wrap="wrap" mb="sm">
        <div>
          <Title order={2} size="h4" id="csat-title">
            {t('analytics.csat.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {q.data?.overall.responses
              ? t('analytics.csat.overall', {
                  csat: q.data.overall.csat,
                  average: q.data.overall.average,
                  count: q.data.overall.responses,
                })
              : t('analytics.csat.none')}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('analytics.csat.groupBy')}
          value={group}
          onChange={(v) => setGroup(v as CsatGroup)}
          data={CSAT_GROUPS.map((g) => ({ value: g, label: t(`analytics.csat.groups.${g}`) }))}
        />
      </Group>
      {q.isError && <ProblemAlert error={q.error} />}
      {!q.data && !q.isError && <Skeleton h={120} />}
      {q.data && q.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`analytics.csat.groups.${group}`)}</Table.Th>
                <Table.Th ta="right">{t('analytics.csat.csat')}</Table.Th>
                <Table.Th ta="right">{t('analytics.csat.average')}</Table.Th>
                <Table.Th ta="right">{t('analytics.csat.responses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.data.map((r) => (
                <Table.Tr key={r.key ?? 'none'}>
                  <Table.Td>{label(r.key, r.label)}</Table.Td>
                  <Table.Td ta="right">{r.csat === null ? '—' : `${r.csat} %`}</Table.Td>
                  <Table.Td ta="right">{r.average ?? '—'}</Table.Td>
                  <Table.Td ta="right">{r.responses}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
