// Stock to put away: restocked and refurbished units by location, marked done one line or one
// location at a time; below, the cost tables that disposition by cost weighs routes with.
import { can } from '@domain/roles.ts';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkPutAway, usePutAway } from '../../api/disposition.ts';
import { useSession } from '../../api/session.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { CostTablesCard } from './CostTablesCard.tsx';

export function PutAwayPage() {
  const { t } = useTranslation();
  usePageTitle(t('putAway.title'));
  const role = useSession().data?.user.role ?? 'read_only';
  const mayMark = can(role, 'returns.inspect');
  const list = usePutAway();
  const mark = useMarkPutAway();
  const locations = list.data?.locations ?? [];
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('putAway.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('putAway.description')}
      </Text>
      {list.isError && <ProblemAlert error={list.error} />}
      {mark.isError && <ProblemAlert error={mark.error} />}
      {list.isPending && <Skeleton h={120} />}
      {list.data && locations.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text data-testid="put-away-empty">{t('putAway.empty')}</Text>
        </Paper>
      )}
      {locations.map((loc) => (
        <Paper withBorder radius="md" key={loc.location} component="section" data-location={loc.location}>
          <Group justify="space-between" p="md" pb="xs" wrap="wrap">
            <Title order={2} size="h4">
              {t('putAway.location', { location: loc.location, count: loc.units })}
            </Title>
            {mayMark && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconCheck size={16} aria-hidden />}
                loading={mark.isPending}
                onClick={() =>
                  mark.mutate(loc.lines.map((l) => ({ case_id: l.case_id, line_id: l.line_id })))
                }
              >
                {t('putAway.markLocation')}
              </Button>
            )}
          </Group>
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('putAway.item')}</Table.Th>
                  <Table.Th ta="right">{t('putAway.units')}</Table.Th>
                  <Table.Th>{t('putAway.return')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loc.lines.map((l) => (
                  <Table.Tr key={`${l.case_id}|${l.line_id}`} data-sku={l.sku}>
                    <Table.Td>
                      <Text size="sm">{l.title}</Text>
                      <Text size="xs" c="dimmed">
                        {l.sku} · {t('putAway.grade', { grade: l.grade })} ·{' '}
                        {t(`actions.dispositions.${l.disposition}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{l.quantity}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/console/returns/${l.case_id}`} size="sm">
                        {l.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">
                      {mayMark && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => mark.mutate([{ case_id: l.case_id, line_id: l.line_id }])}
                          aria-label={t('putAway.markLine', { sku: l.sku, number: l.number })}
                        >
                          {t('putAway.mark')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      <CostTablesCard />
    </Stack>
  );
}
