// The order as the customer sees it: each item with what can happen to it and until when, the
// returns already under way, the EU/UK withdrawal button, and the link to come back later.
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconFileX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrder } from '../api/queries.ts';
import { OrderHelp } from '../cases/OrderHelp.tsx';
import { usePortalFormat } from '../i18n/format.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { ComeBackLink } from './ComeBackLink.tsx';
import { LineCard } from './LineCard.tsx';
import { canWithdraw, lineStates, startableLines } from './lineState.ts';
import { ReturnsList } from './ReturnsList.tsx';

export function OrderPage() {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const { store } = usePortalScope();
  const order = useOrder();

  if (order.isPending) return <Skeleton h={320} radius="md" aria-label={t('common.loading')} />;
  if (order.error) return <ProblemMessage error={order.error} />;
  const { order: o, returns } = order.data;
  const states = lineStates(order.data);
  const startable = startableLines(states).length > 0;
  const withdraw = canWithdraw(order.data);

  return (
    <Stack gap="lg">
      <PageHeading
        title={t('order.title', { number: o.number })}
        lead={t('order.lead', { date: format.date(o.placed_at), total: format.money(o.total, o.currency) })}
      />

      <Stack gap="xs">
        {startable ? (
          <Group gap="sm">
            <Button
              component={Link}
              to={portalPath(store, 'request')}
              size="md"
              leftSection={<IconArrowBackUp size={20} aria-hidden />}
            >
              {t('order.start')}
            </Button>
            {withdraw && (
              <Button
                component={Link}
                to={portalPath(store, 'withdraw')}
                size="md"
                variant="outline"
                color="dark"
                leftSection={<IconFileX size={20} aria-hidden />}
                data-testid="withdraw-button"
              >
                {t('withdraw.button')}
              </Button>
            )}
          </Group>
        ) : (
          <Alert color="gray">{t('order.nothingToReturn')}</Alert>
        )}
        {withdraw && (
          <Text size="sm" c="dark.4">
            {t('withdraw.hint')}
          </Text>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="items-title">
        <Title order={2} size="h4" id="items-title">
          {t('order.itemsTitle')}
        </Title>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {states.map((s) => (
            <LineCard key={s.line.id} state={s} currency={o.currency} />
          ))}
        </Stack>
      </Stack>

      <ReturnsList returns={returns} />

      <OrderHelp order={order.data} />

      <ComeBackLink path="order" />
    </Stack>
  );
}
