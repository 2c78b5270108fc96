// The order's returns, newest first, each with where it stands and a way to its page.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalReturn } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { StatusBadge } from '../layout/StatusBadge.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';

export function ReturnsList({ returns }: { returns: PortalReturn[] }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const { store } = usePortalScope();
  if (returns.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="returns-title">
      <Title order={2} size="h4" id="returns-title">
        {t('order.returnsTitle')}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {returns.map((r) => (
          <Paper key={r.id} p="md" component="li" data-rma={r.rma}>
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text className="rma">{r.rma}</Text>
                  <StatusBadge status={r.status} money={r.refund_progress.state} size="sm" />
                </Group>
                <Text size="sm" truncate>
                  {format.list(
                    r.lines.map((l) => t('order.itemTimes', { count: l.quantity, title: l.title })),
                  )}
                </Text>
                {r.requested_at && (
                  <Text size="xs" c="gray.7">
                    {t('order.requestedOn', { date: format.date(r.requested_at) })}
                  </Text>
                )}
              </Stack>
              <Anchor
                component={Link}
                to={portalPath(store, `returns/${r.id}`)}
                aria-label={t('order.openReturn', { rma: r.rma })}
                style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
              >
                {t('order.details')}
                <IconChevronRight size={16} aria-hidden />
              </Anchor>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
