import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changePortalLanguage, NATIVE_NAMES, PORTAL_LANGUAGES, type PortalLanguage } from '../i18n/index.ts';

/** A native <select>: the phone's own picker, and every screen reader knows it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('portal');
  return (
    <NativeSelect
      aria-label={t('layout.language')}
      size="sm"
      leftSection={<IconLanguage size={16} aria-hidden />}
      value={i18n.language}
      onChange={(e) => void changePortalLanguage(e.currentTarget.value as PortalLanguage)}
      data={PORTAL_LANGUAGES.map((value) => ({ value, label: NATIVE_NAMES[value] }))}
      w={{ base: 148, sm: 190 }}
      style={{ flexShrink: 0 }}
      data-testid="portal-language"
    />
  );
}
