// One page for every kind of case: header (number, kind, status, SLA), the actions the server
// allows, lines, the kind's own data, evidence, timeline; the customer and the team's notes beside.
import { Anchor, Badge, Grid, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CaseView, useCase } from '../../api/cases.ts';
import { useStaff } from '../../api/users.ts';
import { useFormat } from '../../i18n/format.ts';
import { AssigneeControl } from '../return/AssigneeControl.tsx';
import { EvidenceGallery } from '../return/EvidenceGallery.tsx';
import { NotesCard } from '../return/NotesCard.tsx';
import { Timeline } from '../return/Timeline.tsx';
import { SupplierLine } from '../suppliers/SupplierLine.tsx';
import { BackLink } from '../ui/BackLink.tsx';
import { DueBadge } from '../ui/DueBadge.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { ConversationCard } from './ConversationCard.tsx';
import { KindData } from './KindData.tsx';

const FINAL = new Set(['resolved', 'closed', 'won', 'lost']);

/** The case's owner by name: the API names the user by id only, the staff list has the names. */
function CaseAssignee({ c }: { c: CaseView }) {
  const id = c.assignee_user_id;
  const staff = useStaff(id !== null).data?.data ?? [];
  const user = staff.find((u) => u.id === id);
  return (
    <AssigneeControl
      ret={{ id: c.id, assignee: id ? { id, name: user?.name ?? '…', email: user?.email ?? '' } : null }}
    />
  );
}

function CaseHeader({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            <span className="rma">{c.number}</span>
          </Title>
          <span role="status" data-testid="case-status">
            <CaseStatusBadge status={c.status} size="lg" />
          </span>
        </Group>
        <Text c="dimmed" size="sm">
          {t(`cases.kindOne.${c.kind}`)} · {c.customer.name ?? c.customer.email} ·{' '}
          {t('return.order', { number: c.order_number })} ·{' '}
          {t('return.requested', { date: format.dateTime(c.created_at) })}
        </Text>
        <CaseAssignee c={c} />
      </div>
      <Group gap="xs">
        {!FINAL.has(c.status) && c.sla_due_at && <DueBadge at={c.sla_due_at} kind="case" spelled />}
        {!FINAL.has(c.status) && typeof c.data.evidence_due_by === 'string' && (
          <DueBadge at={c.data.evidence_due_by} kind="evidence" spelled />
        )}
        {c.resolution && (
          <Badge variant="outline" color="gray" data-testid="case-resolution">
            {t(`cases.resolution.${c.resolution.type}`)}
          </Badge>
        )}
      </Group>
    </Group>
  );
}

function CaseLines({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (c.lines.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="case-lines-title">
      <Title order={2} size="h4" id="case-lines-title" mb="sm">
        {t('cases.lines')}
      </Title>
      <Table>
        <Table.Tbody>
          {c.lines.map((l) => (
            <Table.Tr key={l.line_id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {l.quantity} × {l.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[l.variant, l.sku].filter(Boolean).join(' · ')}
                </Text>
                <SupplierLine caseId={c.id} lineId={l.line_id} />
              </Table.Td>
              <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.money(l.unit_amount * l.quantity, c.currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function CustomerBox({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" component="section" aria-labelledby="case-customer-title">
      <Title order={2} size="h4" id="case-customer-title" mb="xs">
        {t('cases.customer')}
      </Title>
      <Text size="sm" fw={500}>
        {c.customer.name}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {c.customer.email}
      </Text>
      {c.customer.language && (
        <Text size="xs" c="dimmed">
          {t('cases.language', { language: c.customer.language })}
        </Text>
      )}
      <Anchor component={Link} to={`/console/search?q=${encodeURIComponent(c.order_number)}`} size="sm">
        {t('return.order', { number: c.order_number })}
      </Anchor>
    </Paper>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  usePageTitle(query.data?.number);
  if (query.isPending) return <Skeleton h={400} maw={1200} mx="auto" />;
  if (query.isError) return <ProblemAlert error={query.error} maw={1200} mx="auto" />;
  const c = query.data;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <BackLink />
      <CaseHeader c={c} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <CaseActions c={c} />
            <KindData c={c} />
            <CaseLines c={c} />
            <EvidenceGallery caseId={c.id} />
            <Timeline caseId={c.id} base="cases" />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CustomerBox c={c} />
            <ConversationCard caseId={c.id} replyable={c.kind !== 'dispute'} />
            <NotesCard caseId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
