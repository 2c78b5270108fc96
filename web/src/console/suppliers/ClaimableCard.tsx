// The supplier's units the store took back or lost, with the supplier's position on each; the ones
// not yet on a claim can be ticked and built into a draft claim (or all of them at once).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Skeleton,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { caseLink } from '../messages/api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { type Unit, useBuildClaim, useClaimable } from './api.ts';
import { ClaimStatusBadge } from './ClaimStatusBadge.tsx';
import { ScrollTable } from './ScrollTable.tsx';

const keyOf = (u: Unit) => `${u.case_id}:${u.line_id}`;

export function ClaimableCard({ code, canBuild }: { code: string; canBuild: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const q = useClaimable(code);
  const build = useBuildClaim();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const units = q.data?.data ?? [];
  const open = units.filter((u) => !u.claim && u.position?.claimable);
  const toggle = (k: string, on: boolean) =>
    setPicked((p) => {
      const n = new Set(p);
      if (on) n.add(k);
      else n.delete(k);
      return n;
    });
  const submit = (all: boolean) =>
    build.mutate(
      all
        ? { supplier: code, all_claimable: true }
        : {
            supplier: code,
            items: open
              .filter((u) => picked.has(keyOf(u)))
              .map((u) => ({ case_id: u.case_id, line_id: u.line_id })),
          },
      { onSuccess: (claim) => navigate(`/console/supplier-claims/${claim.id}`) },
    );
  return (
    <Paper p="md" component="section" aria-labelledby="claimable-title" data-testid="claimable">
      <Title order={2} size="h4" id="claimable-title" mb="sm">
        {t('suppliers.claimable.title')}
      </Title>
      {q.isError && <ProblemAlert error={q.error} />}
      {q.isPending && <Skeleton h={120} />}
      {q.isSuccess && units.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('suppliers.claimable.none')}
        </Text>
      )}
      {units.length > 0 && (
        <ScrollTable minWidth={720} label={t('suppliers.claimable.title')}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {canBuild && <Table.Th w={40} />}
                <Table.Th>{t('suppliers.claimable.unit')}</Table.Th>
                <Table.Th>{t('suppliers.claimable.case')}</Table.Th>
                <Table.Th>{t('suppliers.claimable.position')}</Table.Th>
                <Table.Th ta="right">{t('suppliers.claimable.cost')}</Table.Th>
                <Table.Th>{t('suppliers.claimable.claim')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => {
                const k = keyOf(u);
                const pickable = !u.claim && u.position?.claimable;
                return (
                  <Table.Tr key={k} data-unit={`${u.case_number}:${u.line_id}`}>
                    {canBuild && (
                      <Table.Td>
                        {pickable && (
                          <Checkbox
                            aria-label={t('suppliers.claimable.pick', { unit: `${u.case_number} ${u.sku}` })}
                            checked={picked.has(k)}
                            onChange={(e) => toggle(k, e.currentTarget.checked)}
                          />
                        )}
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.quantity} × {u.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.sku} · {t(`reasons.${u.reason}`, { defaultValue: u.reason })}
                        {u.grade ? ` · ${t('suppliers.grade', { grade: u.grade })}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={caseLink(u.case_kind, u.case_id)} size="sm">
                        {u.case_number}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('return.order', { number: u.order_number })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={u.position?.claimable ? undefined : 'red'}>
                        {u.position?.why.message ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {u.unit_cost
                        ? format.money(u.unit_cost.amount * u.quantity, u.unit_cost.currency)
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {u.claim ? (
                        <Group gap={4} wrap="nowrap">
                          <Anchor component={Link} to={`/console/supplier-claims/${u.claim.id}`} size="sm">
                            {u.claim.number}
                          </Anchor>
                          <ClaimStatusBadge status={u.claim.status} size="xs" />
                        </Group>
                      ) : (
                        <Badge variant="outline" color="gray" size="sm">
                          {t('suppliers.claimable.unclaimed')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canBuild && open.length > 0 && (
        <Group mt="sm" gap="sm">
          <Button disabled={picked.size === 0} loading={build.isPending} onClick={() => submit(false)}>
            {t('suppliers.claimable.build', { count: picked.size })}
          </Button>
          <Button variant="light" loading={build.isPending} onClick={() => submit(true)}>
            {t('suppliers.claimable.buildAll', { count: open.length })}
          </Button>
        </Group>
      )}
      {build.isError && <ProblemAlert error={build.error} mt="sm" />}
      {canBuild && q.isSuccess && units.length > 0 && open.length === 0 && (
        <Alert color="gray" mt="sm">
          {t('suppliers.claimable.allClaimed')}
        </Alert>
      )}
    </Paper>
  );
}
