import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSOLE_LANGUAGES, type ConsoleLanguage, changeLanguage } from '../../i18n/index.ts';

// Each language is named in itself, so a reader finds theirs whatever the console shows now.
const NATIVE_NAMES: Record<ConsoleLanguage, string> = { en: 'English', 'zh-Hans': '简体中文', ru: 'Русский' };

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      value={i18n.language}
      onChange={(e) => void changeLanguage(e.currentTarget.value as ConsoleLanguage)}
      data={CONSOLE_LANGUAGES.map((value) => ({ value, label: NATIVE_NAMES[value] }))}
    />
  );
}
