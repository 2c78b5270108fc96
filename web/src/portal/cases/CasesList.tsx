// The order's cases other than returns, newest first, each with where it stands and a way to its page.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseOptions } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';

export function CasesList({ cases }: { cases: CaseOptions['cases'] }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const { store } = usePortalScope();
  if (cases.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="cases-title">
      <Title order={2} size="h4" id="cases-title">
        {t('cases.list.title')}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {cases.map((c) => (
          <Paper key={c.id} p="md" component="li" data-case={c.number}>
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text className="rma">{c.number}</Text>
                  <CaseStatusBadge status={c.status} size="sm" />
                </Group>
                <Text size="sm">{t(`cases.kind.${c.kind}`)}</Text>
                <Text size="xs" c="gray.7">
                  {t('cases.list.openedOn', { date: format.date(c.created_at) })}
                </Text>
              </Stack>
              <Anchor
                component={Link}
                to={portalPath(store, `cases/${c.id}`)}
                aria-label={t('cases.list.open', { number: c.number })}
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
