// One kind's queue, oldest SLA first (disputes by evidence due date): a table on a desk, a card per
// case on a phone, like the returns queues.
import { Anchor, Group, Paper, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMoodCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { CASE_KINDS, type CaseKind, type CaseListItem, useCaseList } from '../../api/cases.ts';
import { useFormat } from '../../i18n/format.ts';
import { DueBadge } from '../ui/DueBadge.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { KIND_ICONS } from './CasesNav.tsx';
import { useCaseSummary } from './summary.ts';

const isKind = (k: string | undefined): k is CaseKind => (CASE_KINDS as readonly string[]).includes(k ?? '');

/** The deadline a row is worked by: a dispute's evidence due date, else the SLA. */
const deadlineOf = (c: CaseListItem) =>
  c.kind === 'dispute' ? ((c.data.evidence_due_by as string | null) ?? c.sla_due_at) : c.sla_due_at;

export function CaseQueuePage() {
  const { t } = useTranslation();
  const { kind } = useParams();
  const valid = isKind(kind);
  const list = useCaseList(
    valid ? { kind, open: 'true', sort: kind === 'dispute' ? 'due' : 'sla', limit: '100' } : {},
  );
  const title = valid ? (kind === 'dispute' ? t('cases.disputeQueue') : t(`cases.kind.${kind}`)) : undefined;
  usePageTitle(title);
  if (!valid) return <Navigate to="/console" replace />;
  const Icon = KIND_ICONS[kind];
  return (
    <Stack maw={1200} mx="auto">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={42} radius="md" aria-hidden>
          <Icon size={24} />
        </ThemeIcon>
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {t(kind === 'dispute' ? 'cases.queue.disputeDescription' : 'cases.queue.description')}
          </Text>
        </div>
      </Group>
      {list.isPending && <Skeleton h={160} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && list.data.data.length === 0 && (
        <Paper p="xl">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
              <IconMoodCheck size={28} />
            </ThemeIcon>
            <Text c="dimmed">{t('empty.queue')}</Text>
          </Stack>
        </Paper>
      )}
      {list.data && list.data.data.length > 0 && (
        <CaseRows rows={list.data.data} dispute={kind === 'dispute'} />
      )}
    </Stack>
  );
}

function CaseRows({ rows, dispute }: { rows: CaseListItem[]; dispute: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const summary = useCaseSummary();
  return (
    <>
      <Stack gap="xs" hiddenFrom="sm" data-testid="phone-list">
        {rows.map((c) => {
          const due = deadlineOf(c);
          return (
            <Paper key={c.id} p="sm" withBorder data-case={c.number}>
              <Anchor component={Link} to={`/console/cases/${c.id}`} className="rma">
                {c.number}
              </Anchor>
              <Text size="sm" fw={500}>
                {c.customer_name ?? c.customer_email}
              </Text>
              <Text size="xs" c="dimmed">
                {summary(c)}
              </Text>
              <Group gap="xs" mt={6}>
                <CaseStatusBadge status={c.status} />
                {due && <DueBadge at={due} kind={c.kind === 'dispute' ? 'evidence' : 'case'} />}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Paper p={0} style={{ overflow: 'hidden' }} visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="cases-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('cases.table.number')}</Table.Th>
              <Table.Th>{t('table.customer')}</Table.Th>
              <Table.Th visibleFrom="md">{t('cases.table.about')}</Table.Th>
              <Table.Th>{t('table.status')}</Table.Th>
              <Table.Th>{t(dispute ? 'cases.table.evidenceDue' : 'table.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => {
              const due = deadlineOf(c);
              return (
                <Table.Tr
                  key={c.id}
                  data-case={c.number}
                  onClick={() => navigate(`/console/cases/${c.id}`)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/console/cases/${c.id}`}
                      className="rma"
                      onClick={(e) => e.stopPropagation()}
                    >
                      {c.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {format.date(c.created_at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.customer_name ?? c.customer_email}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('return.order', { number: c.order_number })}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="md">
                    <Text size="sm" lineClamp={2}>
                      {summary(c)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {due ? <DueBadge at={due} kind={c.kind === 'dispute' ? 'evidence' : 'case'} /> : '–'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
