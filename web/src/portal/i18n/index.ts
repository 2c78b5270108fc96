// The portal speaks the customer's language: nine of them, bundled (no network), chosen from the
// browser and switchable. It runs its own i18next instance with the namespace `portal`, handed to
// its components through <I18nextProvider>: a customer switching to Japanese never changes the
// team console's language (which offers three), and the console's choice never leaks into a
// customer's page. Nothing here touches react-i18next's global instance.
import i18next from 'i18next';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ja from './ja.json';
import ptBR from './pt-BR.json';
import ru from './ru.json';
import zhHans from './zh-Hans.json';
import zhHant from './zh-Hant.json';

export const PORTAL_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ru', 'zh-Hans', 'zh-Hant', 'ja'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** Each language named in itself, so a reader finds theirs whatever the page shows now. */
export const NATIVE_NAMES: Record<PortalLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ja: '日本語',
};

const STORAGE_KEY = 'aftersale.portal.language';

/** The portal language a browser tag asks for: zh-TW and zh-HK read Traditional, pt-PT reads pt-BR. */
export function matchLanguage(tag: string): PortalLanguage | null {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  if (lower.startsWith('pt')) return 'pt-BR';
  const primary = lower.split('-')[0];
  return PORTAL_LANGUAGES.find((l) => l === primary) ?? null;
}

function browserTags(): readonly string[] {
  return typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];
}

function initialLanguage(): PortalLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    const chosen = saved ? matchLanguage(saved) : null;
    if (chosen) return chosen;
  } catch {
    // storage refused: fall through to the browser's languages
  }
  for (const tag of browserTags()) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

/**
 * The locale for numbers and dates: the browser's own tag when it is the same language (en-GB writes
 * 24/12, en-US 12/24; de-AT and de-CH have their own habits), else the portal language itself.
 */
export function formattingLocale(language: string): string {
  return browserTags().find((tag) => matchLanguage(tag) === language) ?? language;
}

export const portalI18n = i18next.createInstance();

void portalI18n.init({
  initAsync: false, // the catalogues are bundled: translate on the first render
  resources: {
    en: { portal: en },
    de: { portal: de },
    fr: { portal: fr },
    es: { portal: es },
    'pt-BR': { portal: ptBR },
    ru: { portal: ru },
    'zh-Hans': { portal: zhHans },
    'zh-Hant': { portal: zhHant },
    ja: { portal: ja },
  },
  ns: ['portal'],
  defaultNS: 'portal',
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...PORTAL_LANGUAGES],
  load: 'currentOnly', // 'zh-Hans' must not fall back through a bare 'zh'
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export async function changePortalLanguage(language: PortalLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // the choice then lasts as long as the page
  }
  await portalI18n.changeLanguage(language);
}
