// Each page's one h1. After a client-side navigation, focus moves to it (screen readers announce the
// new page, the next Tab starts from the top of it) and the tab title follows.
import { Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useStoreInfo } from '../api/queries.ts';

export function PageHeading({ title, lead }: { title: string; lead?: ReactNode }) {
  const { t } = useTranslation('portal');
  const { name } = useStoreInfo();
  const ref = useRef<HTMLHeadingElement>(null);
  // The router's first location (the address the browser opened) has the key "default".
  const navigated = useLocation().key !== 'default';
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page appears
  useEffect(() => {
    // Not on the page the browser opened: there focus stays at the top, so the first Tabs reach the
    // skip link, the store and the language before the form.
    if (navigated) ref.current?.focus({ preventScroll: false });
  }, []);
  useEffect(() => {
    document.title = `${title} · ${name ?? t('layout.returns')}`;
  }, [title, name, t]);
  return (
    <div>
      <Title order={1} size="h2" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {lead && (
        <Text c="gray.7" mt={4}>
          {lead}
        </Text>
      )}
    </div>
  );
}
