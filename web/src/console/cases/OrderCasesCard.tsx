// On a return's page: the order's other cases (a cancellation, a lost parcel), each a link.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrderCases } from '../../api/cases.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';

export function OrderCasesCard({ orderId }: { orderId: string | null | undefined }) {
  const { t } = useTranslation();
  const cases = useOrderCases(orderId ?? undefined).data?.data ?? [];
  if (cases.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="order-cases-title" data-testid="order-cases">
      <Title order={2} size="h4" id="order-cases-title" mb="xs">
        {t('cases.orderCases')}
      </Title>
      <Stack gap={6}>
        {cases.map((c) => (
          <Group key={c.id} gap="xs" justify="space-between" wrap="nowrap">
            <div>
              <Anchor component={Link} to={`/console/cases/${c.id}`} className="rma" size="sm">
                {c.number}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`cases.kindOne.${c.kind}`)}
              </Text>
            </div>
            <CaseStatusBadge status={c.status} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
