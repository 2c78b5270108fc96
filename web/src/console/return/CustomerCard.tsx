import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrder, useReturnList } from '../../api/returns.ts';
import type { ReturnView } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" component="div">
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" ta="end" component="dd" m={0}>
        {children}
      </Text>
    </Group>
  );
}

export function CustomerCard({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const order = useOrder(ret.order_id);
  const email = ret.customer.email ?? '';
  const history = useReturnList({ q: email, limit: '100' }, email.length > 0);
  const c = order.data?.customer;
  const zone = c?.time_zone ?? undefined;
  return (
    <Paper p="md" component="section" aria-labelledby="customer-title">
      <Title order={2} size="h4" id="customer-title" mb="xs">
        {t('return.orderAndCustomer')}
      </Title>
      <Text fw={600}>{ret.customer.name}</Text>
      <Text size="sm" c="dimmed" mb="sm" style={{ wordBreak: 'break-all' }}>
        {email}
      </Text>
      {order.isPending ? (
        <Skeleton h={120} />
      ) : (
        <Stack gap={6} component="dl" m={0}>
          <Fact label={t('return.orderLabel')}>
            {ret.order_number} · {order.data && format.date(order.data.placed_at)}
          </Fact>
          {ret.customer.country && (
            <Fact label={t('return.country')}>{format.country(ret.customer.country)}</Fact>
          )}
          {c?.language && <Fact label={t('return.language')}>{format.language(c.language)}</Fact>}
          {zone && <Fact label={t('return.localTime')}>{format.localTime(zone)}</Fact>}
          <Fact label={t('return.segments')}>
            {c?.segments.length
              ? c.segments.map((s) => (
                  <Badge key={s} size="sm" variant="light" color="grape" ml={4}>
                    {s}
                  </Badge>
                ))
              : t('return.noSegments')}
          </Fact>
          {order.data && (
            <>
              <Fact label={t('return.paid')}>
                {format.money(order.data.totals.paid, order.data.currency)}
              </Fact>
              <Fact label={t('return.refunded')}>
                {format.money(order.data.totals.refunded, order.data.currency)}
              </Fact>
            </>
          )}
          {history.data && (
            <Fact label={t('return.pastReturns')}>
              <Link to={`/console/search?q=${encodeURIComponent(email)}`}>{history.data.data.length}</Link>
            </Fact>
          )}
        </Stack>
      )}
    </Paper>
  );
}
