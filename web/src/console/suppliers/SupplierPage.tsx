// One supplier: its terms (editable by the owner) and their versions, the gaps against the store's
// promises, the units it may owe for (built into claims here), and its claims.
import { can } from '@domain/roles.ts';
import { Badge, Grid, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { actorLabel, type SupplierDetail, useClaims, useGaps, useSupplier } from './api.ts';
import { ClaimableCard } from './ClaimableCard.tsx';
import { ClaimsTable } from './ClaimsTable.tsx';
import { GapAlerts } from './GapAlerts.tsx';
import { TermsForm } from './TermsForm.tsx';
import { termsSummary } from './terms-summary.ts';

function Versions({ s }: { s: SupplierDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper p="md" component="section" aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title" mb="sm">
        {t('suppliers.versions')}
      </Title>
      {s.versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('suppliers.noTerms')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {[...s.versions]
              .sort((a, b) => b.version - a.version)
              .map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t('suppliers.version', { version: v.version })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {format.dateTime(v.created_at)} · {actorLabel(v.created_by)}
                    </Text>
                    <Text size="xs">{termsSummary(t, v.terms)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function SupplierClaims({ code }: { code: string }) {
  const { t } = useTranslation();
  const q = useClaims({ supplier: code });
  return (
    <Paper p="md" component="section" aria-labelledby="supplier-claims-title">
      <Title order={2} size="h4" id="supplier-claims-title" mb="sm">
        {t('suppliers.claims.title')}
      </Title>
      {q.isError && <ProblemAlert error={q.error} />}
      {q.isPending && <Skeleton h={80} />}
      {q.data && <ClaimsTable claims={q.data.data} showSupplier={false} />}
    </Paper>
  );
}

export function SupplierPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession().data;
  const q = useSupplier(code);
  const gaps = useGaps(90, code);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(q.data?.code);
  if (q.isPending) return <Skeleton h={400} maw={1200} mx="auto" />;
  if (q.isError) return <ProblemAlert error={q.error} maw={1200} mx="auto" />;
  const s = q.data;
  const role = session?.user.role;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {s.code}
            </Title>
            {!s.terms && (
              <Badge color="gray" variant="light">
                {t('suppliers.noTerms')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            {s.name} · {format.country(s.country)}
            {s.email ? ` · ${s.email}` : ''}
          </Text>
          {s.terms && <Text size="sm">{termsSummary(t, s.terms)}</Text>}
        </div>
      </Group>
      <Paper p="md" component="section" aria-labelledby="supplier-gaps-title">
        <Title order={2} size="h4" id="supplier-gaps-title" mb="sm">
          {t('suppliers.gaps.title')}
        </Title>
        {gaps.isError && <ProblemAlert error={gaps.error} />}
        {gaps.data && <GapAlerts report={gaps.data} />}
      </Paper>
      <ClaimableCard code={s.code} canBuild={role ? can(role, 'claims.write') : false} />
      <SupplierClaims code={s.code} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <TermsForm
            key={formKey}
            s={s}
            storeCurrency={session?.store.currency ?? 'EUR'}
            canEdit={role ? can(role, 'suppliers.write') : false}
            onReload={() => void q.refetch().then(() => setFormKey((k) => k + 1))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Versions s={s} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
