import { Anchor, Group, Paper, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCashBanknote, IconMoodCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useManualRefunds } from '../../api/refunds.ts';
import { useReturn } from '../../api/returns.ts';
import type { RefundView } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';

/** The return behind a refund: finance pays a person, so the row names them. */
function RefundRow({ refund }: { refund: RefundView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ret = useReturn(refund.case_id ?? '', Boolean(refund.case_id));
  const r = ret.data;
  return (
    <Table.Tr data-refund={refund.id}>
      <Table.Td>
        {r ? (
          <Anchor
            component={Link}
            to={`/console/returns/${r.id}`}
            className="rma"
            aria-label={t('table.open', { rma: r.rma })}
          >
            {r.rma}
          </Anchor>
        ) : (
          <Skeleton h={16} w={110} />
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {r?.customer.name ?? r?.customer.email}
        </Text>
        <Text size="xs" c="dimmed">
          {r?.customer.country && format.country(r.customer.country)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{format.dateTime(refund.created_at)}</Text>
        <Text size="xs" c="dimmed">
          {format.relative(refund.created_at)}
        </Text>
      </Table.Td>
      <Table.Td ta="end" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.money(refund.amount, refund.currency)}
      </Table.Td>
    </Table.Tr>
  );
}

/** Refunds waiting to be paid by hand, oldest first: the customer is waiting for each of them. */
export function ManualRefundsPage() {
  const { t } = useTranslation();
  const refunds = useManualRefunds();
  usePageTitle(t('manualRefunds.title'));
  const rows = [...(refunds.data?.data ?? [])].sort((a, b) => a.created_at.localeCompare(b.created_at));
  return (
    <Stack maw={1200} mx="auto">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={42} radius="md" aria-hidden>
          <IconCashBanknote size={24} />
        </ThemeIcon>
        <div>
          <Title order={1} size="h2">
            {t('manualRefunds.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('manualRefunds.description')}
          </Text>
        </div>
      </Group>
      {refunds.isPending && <Skeleton h={160} />}
      {refunds.isError && <ProblemAlert error={refunds.error} />}
      {refunds.isSuccess && rows.length === 0 && (
        <Paper p="xl">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
              <IconMoodCheck size={28} />
            </ThemeIcon>
            <Text c="dimmed">{t('manualRefunds.empty')}</Text>
          </Stack>
        </Paper>
      )}
      {rows.length > 0 && (
        <Paper p={0} style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('table.rma')}</Table.Th>
                  <Table.Th>{t('table.customer')}</Table.Th>
                  <Table.Th>{t('manualRefunds.since')}</Table.Th>
                  <Table.Th ta="end">{t('table.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <RefundRow key={r.id} refund={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
