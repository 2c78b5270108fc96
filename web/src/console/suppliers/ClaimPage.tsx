// One claim against a supplier: status, amounts in the supplier's currency and the deadline, the
// documents to download, the next steps, its lines with their evidence, the credits received, the
// conversation with the supplier and the timeline.
import {
  Anchor,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { type Claim, useClaim } from './api.ts';
import { ClaimConversation } from './ClaimConversation.tsx';
import { ClaimLines } from './ClaimLines.tsx';
import { ClaimStatusBadge } from './ClaimStatusBadge.tsx';
import { ClaimSteps } from './ClaimSteps.tsx';
import { ClaimTimeline } from './ClaimTimeline.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ScrollTable } from './ScrollTable.tsx';

function Amount({
  label,
  value,
  currency,
  testId,
}: {
  label: string;
  value: number | null;
  currency: string;
  testId: string;
}) {
  const format = useFormat();
  return (
    <Paper p="sm" withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text
        fz={{ base: 'md', sm: 'xl' }}
        fw={700}
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value === null ? '—' : format.money(value, currency)}
      </Text>
    </Paper>
  );
}

function Credits({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (claim.credits.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="claim-credits-title">
      <Title order={2} size="h4" id="claim-credits-title" mb="sm">
        {t('suppliers.credit.title')}
      </Title>
      <ScrollTable minWidth={480} label={t('suppliers.credit.title')}>
        <Table striped data-testid="claim-credits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('suppliers.credit.receivedOn')}</Table.Th>
              <Table.Th>{t('suppliers.credit.kind')}</Table.Th>
              <Table.Th>{t('suppliers.credit.reference')}</Table.Th>
              <Table.Th ta="right">{t('suppliers.credit.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claim.credits.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{format.date(`${c.received_on}T12:00:00Z`)}</Table.Td>
                <Table.Td>
                  {t(`suppliers.remedy.${c.kind}`)}
                  {c.units > 0 ? ` · ${t('suppliers.credit.unitsN', { count: c.units })}` : ''}
                </Table.Td>
                <Table.Td>
                  {c.reference}
                  {c.note ? ` · ${c.note}` : ''}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.money(c.amount, c.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}

export function ClaimPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useClaim(id);
  usePageTitle(q.data?.number);
  if (q.isPending) return <Skeleton h={400} maw={1200} mx="auto" />;
  if (q.isError) return <ProblemAlert error={q.error} maw={1200} mx="auto" />;
  const c = q.data;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {c.number}
            </Title>
            <span role="status" data-testid="claim-status">
              <ClaimStatusBadge status={c.status} size="lg" />
            </span>
          </Group>
          <Text size="sm">
            <Anchor component={Link} to={`/console/suppliers/${encodeURIComponent(c.supplier.code)}`}>
              {c.supplier.code}
            </Anchor>{' '}
            · {c.supplier.name}
            {c.supplier_reference
              ? ` · ${t('suppliers.claim.theirReference', { ref: c.supplier_reference })}`
              : ''}
          </Text>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('suppliers.claims.deadline')}:
            </Text>
            <DeadlineText deadline={c.deadline} status={c.status} />
          </Group>
          {c.note && (
            <Text size="sm" fs="italic">
              {c.note}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button
            component="a"
            href={`/api/v1/supplier-claims/${c.id}/document.pdf`}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {t('suppliers.claim.pdf')}
          </Button>
          <Button
            component="a"
            href={`/api/v1/supplier-claims/${c.id}/document.csv`}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {t('suppliers.claim.csv')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={3} spacing="sm">
        <Amount
          label={t('suppliers.amounts.claimed')}
          value={c.claimed_amount}
          currency={c.currency}
          testId="claimed-amount"
        />
        <Amount
          label={t('suppliers.amounts.accepted')}
          value={c.accepted_amount}
          currency={c.currency}
          testId="accepted-amount"
        />
        <Amount
          label={t('suppliers.amounts.credited')}
          value={c.credited_amount}
          currency={c.currency}
          testId="credited-amount"
        />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ClaimSteps key={`${c.status}-${c.credits.length}`} claim={c} />
            <ClaimLines claim={c} />
            <Credits claim={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ClaimConversation claim={c} />
            <ClaimTimeline claim={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
