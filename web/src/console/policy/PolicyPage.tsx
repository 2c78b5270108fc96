import { can } from '@domain/roles.ts';
import { Alert, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { CurrencyCheckAlert } from '../rates/CurrencyCheckAlert.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { PolicyEditor } from './PolicyEditor.tsx';

/** The store's return policy: the owner edits it, everyone else reads it; anyone may preview. */
export function PolicyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession().data;
  const policy = usePolicy();
  const [saved, setSaved] = useState<number | null>(null);
  usePageTitle(t('policy.title'));
  const readOnly = !session || !can(session.user.role, 'policy.write');
  // The demo and most stores price in one currency; older servers do not send it with the session.
  const currency = session?.store.currency ?? 'EUR'; // EUR only until the session has loaded

  return (
    <Stack maw={1400} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('policy.title')}
          </Title>
          {policy.data && (
            <Text c="dimmed" size="sm" data-testid="policy-version">
              {t('policy.subtitle', {
                version: policy.data.version,
                by: policy.data.created_by,
                date: format.dateTime(policy.data.created_at),
              })}
            </Text>
          )}
        </div>
      </Group>
      {readOnly && (
        <Alert color="gray" icon={<IconLock aria-hidden />} data-testid="policy-read-only">
          {t('policy.readOnly')}
        </Alert>
      )}
      {saved !== null && (
        <Alert
          color="teal"
          icon={<IconCircleCheck aria-hidden />}
          role="status"
          withCloseButton
          onClose={() => setSaved(null)}
        >
          {t('policy.save.saved', { version: saved })}
        </Alert>
      )}
      <CurrencyCheckAlert />
      {policy.isPending && <Skeleton h={480} />}
      {policy.isError && <ProblemAlert error={policy.error} />}
      {policy.data && (
        // A new saved version starts a fresh draft from it.
        <PolicyEditor
          key={policy.data.version}
          base={policy.data}
          readOnly={readOnly}
          currency={currency}
          onSaved={(version) => {
            setSaved(version);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </Stack>
  );
}
