// The acknowledgement of a withdrawal: its statement, date and time, as stored by the store (the
// durable record), with a way to keep a copy and the next step for the goods.
import { Alert, Blockquote, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WithdrawalAnswer } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';

export function Acknowledgement({ answer }: { answer: WithdrawalAnswer }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const { store } = usePortalScope();
  const { withdrawal: w, return: ret } = answer;
  return (
    <Stack gap="lg" data-testid="withdrawal-ack">
      <PageHeading title={t('withdraw.ackTitle')} />
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />}>
        {t('withdraw.ackBody', { date: format.dateTime(w.declared_at) })}
      </Alert>
      <Paper p="md">
        <Stack gap="sm">
          <Group gap="xl">
            <div>
              <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
                {t('withdraw.ackDeclared')}
              </Text>
              <Text fw={600} data-testid="withdrawal-declared-at">
                <time dateTime={w.declared_at}>{format.dateTime(w.declared_at)}</time>
              </Text>
            </div>
            <div>
              <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
                {t('withdraw.ackOrder')}
              </Text>
              <Text fw={600}>{w.order_number}</Text>
            </div>
            <div>
              <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
                {t('withdraw.ackReference')}
              </Text>
              <Text className="rma">{ret.rma}</Text>
            </div>
          </Group>
          <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
            {t('withdraw.ackStatement')}
          </Text>
          <Blockquote p="sm" color="teal" data-testid="withdrawal-statement">
            {w.statement}
          </Blockquote>
          <Text size="sm">{t('withdraw.ackKeep')}</Text>
          <Group className="no-print">
            <Button
              variant="default"
              leftSection={<IconPrinter size={18} aria-hidden />}
              onClick={() => window.print()}
            >
              {t('withdraw.print')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('withdraw.nextTitle')}</Text>
          <Text size="sm">{t('withdraw.nextBody', { rma: ret.rma })}</Text>
          <Group>
            <Button component={Link} to={portalPath(store, `returns/${ret.id}`)}>
              {t('withdraw.nextButton')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
