// Every supplier with its terms in one line (or "No terms"), and the gaps between the store's
// promises and the suppliers' terms, with what fell in them lately.
import { Anchor, Badge, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { useGaps, useSuppliers } from './api.ts';
import { GapAlerts } from './GapAlerts.tsx';
import { termsSummary } from './terms-summary.ts';

const GAP_DAYS = 90;

export function SuppliersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('suppliers.title'));
  const list = useSuppliers();
  const gaps = useGaps(GAP_DAYS);
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t('suppliers.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('suppliers.subtitle')}
        </Text>
      </div>
      <Paper p="md" component="section" aria-labelledby="suppliers-list-title">
        <Title order={2} size="h4" id="suppliers-list-title" mb="sm">
          {t('suppliers.list')}
        </Title>
        {list.isError && <ProblemAlert error={list.error} />}
        {list.isPending && <Skeleton h={160} />}
        {list.data && (
          <Table striped data-testid="suppliers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('suppliers.claims.supplier')}</Table.Th>
                <Table.Th>{t('suppliers.terms')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((s) => (
                <Table.Tr key={s.id} data-supplier={s.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/suppliers/${encodeURIComponent(s.code)}`} fw={600}>
                      {s.code}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {s.name} · {format.country(s.country)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {s.terms ? (
                      <Text size="sm">
                        {termsSummary(t, s.terms)}{' '}
                        <Text span size="xs" c="dimmed">
                          {t('suppliers.version', { version: s.terms_version })}
                        </Text>
                      </Text>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('suppliers.noTerms')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper p="md" component="section" aria-labelledby="gaps-title">
        <Title order={2} size="h4" id="gaps-title" mb="sm">
          {t('suppliers.gaps.title')}
        </Title>
        {gaps.isError && <ProblemAlert error={gaps.error} />}
        {gaps.isPending && <Skeleton h={80} />}
        {gaps.data && <GapAlerts report={gaps.data} linkSuppliers />}
      </Paper>
    </Stack>
  );
}
