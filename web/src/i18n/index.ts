// Console languages, bundled (no network): the choice is remembered, else the browser's first match.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ru from './locales/ru.json';
import zhHans from './locales/zh-Hans.json';

export const CONSOLE_LANGUAGES = ['en', 'zh-Hans', 'ru'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];
const STORAGE_KEY = 'aftersale.language';

function isConsoleLanguage(value: string | null): value is ConsoleLanguage {
  return (CONSOLE_LANGUAGES as readonly (string | null)[]).includes(value);
}

function browserLanguage(): ConsoleLanguage {
  for (const tag of navigator.languages) {
    const lower = tag.toLowerCase();
    // Simplified Chinese is the console's only Chinese: a reader of zh-TW still reads it better than English.
    if (lower.startsWith('zh')) return 'zh-Hans';
    if (lower.startsWith('ru')) return 'ru';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initialLanguage(): ConsoleLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isConsoleLanguage(saved) ? saved : browserLanguage();
}

export async function changeLanguage(language: ConsoleLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  initAsync: false, // the catalogues are bundled: translate on the first render
  resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18next;
