import {
  Anchor,
  Checkbox,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { IconMoodCheck, IconUser } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page, ReturnView } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { DueBadge } from '../ui/DueBadge.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';

export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[]) => void;
}

interface Props {
  query: UseQueryResult<Page<ReturnView>>;
  due: 'sla_due_at' | 'refund_due_at' | null;
  empty: string;
  /** checkboxes for bulk actions */
  selection?: Selection;
  /** the row the keyboard is on (j/k) */
  active?: number;
}

function EmptyState({ text }: { text: string }) {
  return (
    <Paper p="xl">
      <Stack align="center" gap="xs">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconMoodCheck size={28} />
        </ThemeIcon>
        <Text c="dimmed">{text}</Text>
      </Stack>
    </Paper>
  );
}

export function ReturnsTable({ query, due, empty, selection, active }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  if (query.isPending)
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} h={52} />
        ))}
      </Stack>
    );
  if (query.isError) return <ProblemAlert error={query.error} />;
  const rows = query.data.data;
  if (rows.length === 0) return <EmptyState text={empty} />;

  return (
    <>
      <PhoneList rows={rows} due={due} selection={selection} />
      <Paper p={0} style={{ overflow: 'hidden' }} visibleFrom="sm">
        <Table.ScrollContainer minWidth={0}>
          <Table
            className="returns-table"
            verticalSpacing="sm"
            horizontalSpacing="md"
            highlightOnHover={false}
          >
            <Table.Thead bg="gray.0">
              <Table.Tr>
                {selection && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('bulk.selectAll')}
                      checked={rows.length > 0 && rows.every((r) => selection.selected.has(r.id))}
                      indeterminate={
                        selection.selected.size > 0 && !rows.every((r) => selection.selected.has(r.id))
                      }
                      onChange={(e) => selection.setAll(e.currentTarget.checked ? rows.map((r) => r.id) : [])}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('table.rma')}</Table.Th>
                <Table.Th>{t('table.customer')}</Table.Th>
                <Table.Th visibleFrom="md">{t('table.items')}</Table.Th>
                <Table.Th>{t('table.status')}</Table.Th>
                {due && <Table.Th>{t(due === 'sla_due_at' ? 'table.due' : 'table.refundDue')}</Table.Th>}
                <Table.Th visibleFrom="sm" ta="end">
                  {t('table.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const deadline = due ? r[due] : null;
                return (
                  <Table.Tr
                    key={r.id}
                    data-rma={r.rma}
                    data-active={active === i || undefined}
                    aria-selected={selection ? selection.selected.has(r.id) : undefined}
                    bg={active === i ? 'teal.0' : undefined}
                    onClick={() => navigate(`/console/returns/${r.id}`)}
                  >
                    {selection && (
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        <Checkbox
                          aria-label={t('bulk.select', { rma: r.rma })}
                          checked={selection.selected.has(r.id)}
                          onChange={() => selection.toggle(r.id)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/console/returns/${r.id}`}
                        className="rma"
                        aria-label={t('table.open', { rma: r.rma })}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {r.rma}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {r.requested_at && format.date(r.requested_at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.customer.name ?? r.customer.email}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.customer.country && format.country(r.customer.country)}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      {r.lines.map((l) => (
                        <Text size="sm" key={l.line_id} lineClamp={1}>
                          {l.quantity} × {l.title}
                          <Text span c="dimmed" size="xs">
                            {' · '}
                            {t(`reasons.${l.reason}`, { defaultValue: l.reason })}
                          </Text>
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={r.status} />
                      {r.assignee && (
                        <Group gap={4} mt={4} wrap="nowrap" data-testid="row-assignee">
                          <IconUser size={12} aria-hidden color="var(--mantine-color-dimmed)" />
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            <VisuallyHidden>{t('assignee.label')}: </VisuallyHidden>
                            {r.assignee.name}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    {due && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {deadline ? (
                          <DueBadge at={deadline} kind={due === 'sla_due_at' ? 'sla' : 'refund'} />
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                    )}
                    <Table.Td visibleFrom="sm" ta="end">
                      <Group justify="flex-end">
                        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {format.money(r.refund.total, r.currency)}
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}

/** On a phone each return is a card: who, what state, by when, how much; nothing cut off. */
function PhoneList({
  rows,
  due,
  selection,
}: {
  rows: ReturnView[];
  due: Props['due'];
  selection: Selection | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs" hiddenFrom="sm" data-testid="phone-list">
      {rows.map((r) => {
        const deadline = due ? r[due] : null;
        return (
          <Paper key={r.id} p="sm" withBorder data-rma={r.rma}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {selection && (
                  <Checkbox
                    mt={4}
                    aria-label={t('bulk.select', { rma: r.rma })}
                    checked={selection.selected.has(r.id)}
                    onChange={() => selection.toggle(r.id)}
                  />
                )}
                <div>
                  <Anchor component={Link} to={`/console/returns/${r.id}`} className="rma">
                    {r.rma}
                  </Anchor>
                  <Text size="sm" fw={500}>
                    {r.customer.name ?? r.customer.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.lines.map((l) => `${l.quantity} × ${l.title}`).join(', ')}
                  </Text>
                </div>
              </Group>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {format.money(r.refund.total, r.currency)}
              </Text>
            </Group>
            <Group gap="xs" mt={6} wrap="wrap">
              <StatusBadge status={r.status} />
              {deadline && <DueBadge at={deadline} kind={due === 'sla_due_at' ? 'sla' : 'refund'} />}
              {r.assignee && (
                <Text size="xs" c="dimmed">
                  {r.assignee.name}
                </Text>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
