// Addresses without a store: /returns itself, and /returns/<RMA> from the QR code of a printed label.
import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher.tsx';
import { PORTAL_STYLE } from '../layout/PortalLayout.tsx';

function Frame({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <Container size="sm" py="xl" component="main" style={PORTAL_STYLE}>
      <Stack gap="lg">
        <Stack gap="xs" align="flex-end">
          <LanguageSwitcher />
        </Stack>
        <Paper p="lg">
          <Stack gap="sm">
            <IconPackageExport size={32} color="var(--mantine-color-teal-9)" aria-hidden />
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}

export function NoStorePage() {
  const { t } = useTranslation('portal');
  return (
    <Frame title={t('noStore.title')}>
      <Text>{t('noStore.body')}</Text>
    </Frame>
  );
}

export function RmaPage({ rma }: { rma: string }) {
  const { t } = useTranslation('portal');
  return (
    <Frame title={t('rmaPage.title')}>
      <Text className="rma" fz={32} data-testid="rma">
        {rma}
      </Text>
      <Text>{t('rmaPage.body')}</Text>
    </Frame>
  );
}
