import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { CasesNav } from './cases/CasesNav.tsx';
import { InboxNav } from './messages/InboxNav.tsx';
import { QueueNav } from './queues/QueueNav.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { SuppliersNav } from './suppliers/SuppliersNav.tsx';
import { BrandMark } from './ui/BrandMark.tsx';
import { LanguagePicker } from './ui/LanguagePicker.tsx';
import { StoreNav } from './ui/StoreNav.tsx';
import { UserMenu } from './ui/UserMenu.tsx';

export function ConsoleLayout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [navOpen, nav] = useDisclosure(false);
  // Mantine only slides a closed drawer off screen; inert also keeps Tab and screen readers out of it.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const location = useLocation();
  // On a phone the navigation covers the page: close it once a link took the reader elsewhere.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => nav.close(), [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <BrandMark />
            {session && (
              <Text c="dimmed" size="sm" visibleFrom="md" truncate>
                {session.store.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flex: 1, justifyContent: 'flex-end' }}>
            <SearchBox place="header" />
            <LanguagePicker />
            {session && <UserMenu session={session} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')} component="nav" inert={phone && !navOpen}>
        <SearchBox place="drawer" />
        {/* the links outgrow a short window: they scroll inside the navigation */}
        <AppShell.Section grow component={ScrollArea} mx="-sm" px="sm">
          <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6}>
            {t('nav.queues')}
          </Text>
          <InboxNav />
          <QueueNav />
          <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={6}>
            {t('nav.cases')}
          </Text>
          <CasesNav />
          <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={6}>
            {t('nav.suppliersSection')}
          </Text>
          <SuppliersNav />
          <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={6}>
            {t('nav.store')}
          </Text>
          <StoreNav />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" bg="gray.0" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
