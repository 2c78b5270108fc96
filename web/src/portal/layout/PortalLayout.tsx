// The frame of every portal page: the store's name, the language, and one main landmark. One narrow
// column, so a phone and a desktop read the same page.
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStoreInfo } from '../api/queries.ts';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** The portal fills the window; its colours and contrast come from the shared theme. */
export const PORTAL_STYLE = { display: 'flex', flexDirection: 'column' } as CSSProperties;

export function PortalLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('portal');
  const { store, session, end } = usePortalScope();
  const { name, logo, brand } = useStoreInfo();
  const [logoFailed, setLogoFailed] = useState(false);
  return (
    <Box mih="100dvh" bg="gray.0" style={PORTAL_STYLE}>
      <a href="#portal-main" className="skip-link">
        {t('layout.skip')}
      </a>
      <Box
        component="header"
        bg="white"
        py="sm"
        // The store's colour as an accent stripe: never behind text, so it cannot spoil contrast.
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          borderTop: brand ? `4px solid ${brand}` : undefined,
        }}
        data-brand={brand ?? undefined}
      >
        <Container size="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Anchor
              component={Link}
              to={portalPath(store, session ? 'order' : '')}
              c="dark"
              underline="never"
              style={{ minWidth: 0 }}
            >
              <Group gap={8} wrap="nowrap">
                {logo && !logoFailed ? (
                  // the name stands beside it: the logo adds nothing a screen reader needs
                  <img
                    src={logo}
                    alt=""
                    height={32}
                    referrerPolicy="no-referrer"
                    onError={() => setLogoFailed(true)}
                    style={{ maxWidth: 96, objectFit: 'contain', flexShrink: 0 }}
                    data-testid="store-logo"
                  />
                ) : (
                  <IconPackageExport size={24} color="var(--mantine-color-teal-9)" aria-hidden />
                )}
                <Box style={{ minWidth: 0 }}>
                  {/* two lines on a phone rather than a name cut short */}
                  <Text fw={700} size="md" lineClamp={2} lh={1.25} data-testid="store-name">
                    {name ?? t('layout.returns')}
                  </Text>
                  {name && (
                    <Text size="xs" c="gray.7" lh={1.1}>
                      {t('layout.returns')}
                    </Text>
                  )}
                </Box>
              </Group>
            </Anchor>
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      <Container
        size="sm"
        w="100%"
        py="lg"
        component="main"
        id="portal-main"
        tabIndex={-1}
        style={{ flex: 1 }}
      >
        {children}
      </Container>
      <Box component="footer" py="md">
        <Container size="sm">
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="gray.7">
              {t('layout.footer')}
            </Text>
            {session && (
              <Anchor component="button" type="button" size="xs" c="gray.7" onClick={() => end('signed_out')}>
                {t('layout.signOut')}
              </Anchor>
            )}
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
