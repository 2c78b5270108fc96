// The "come back later" link: this order (or one return's page) reopened on any device while the
// token lasts (the status link's 60 days where the lookup gave one). The token rides in the fragment, which browsers never send to a server.
import { ActionIcon, CopyButton, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePortalFormat } from '../i18n/format.ts';
import { usePortalScope, useSession } from '../session/scope.tsx';
import { comeBackLink, linkOf } from '../session/token.ts';

export function ComeBackLink({ path = '', kind = 'order' }: { path?: string; kind?: 'order' | 'return' }) {
  const { t } = useTranslation('portal');
  const { store } = usePortalScope();
  const session = linkOf(useSession());
  const format = usePortalFormat();
  const link = comeBackLink(store, session.token, path);
  return (
    <Paper p="md" component="section" aria-labelledby="come-back-title">
      <Stack gap="xs">
        <Group gap={6}>
          <IconLink size={18} aria-hidden />
          <Text fw={600} id="come-back-title">
            {t('comeBack.title')}
          </Text>
        </Group>
        <Text size="sm">
          {t(kind === 'order' ? 'comeBack.orderBody' : 'comeBack.returnBody', {
            date: format.dateTime(session.expiresAt),
          })}
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('comeBack.label')}
            value={link}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="come-back-link"
            styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 12 } }}
          />
          <CopyButton value={link} timeout={2500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('comeBack.copied') : t('comeBack.copy')} withArrow>
                <ActionIcon
                  size={36}
                  variant={copied ? 'filled' : 'default'}
                  onClick={copy}
                  aria-label={copied ? t('comeBack.copied') : t('comeBack.copy')}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="gray.7">
          {t('comeBack.private')}
        </Text>
      </Stack>
    </Paper>
  );
}
