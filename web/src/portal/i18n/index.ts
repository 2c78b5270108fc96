// The portal speaks the customer's language: nine of them, each its own chunk loaded when needed
// (the customer's before the first paint, another when they switch), chosen from the browser and
// switchable. It runs its own i18next instance with the namespace `portal`, handed to
// its components through <I18nextProvider>: a customer switching to Japanese never changes the
// team console's language (which offers three), and the console's choice never leaks into a
// customer's page. Nothing here touches react-i18next's global instance.
import i18next from 'i18next';

export const PORTAL_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ru', 'zh-Hans', 'zh-Hant', 'ja'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** Each language named in itself, so a reader finds theirs whatever the page shows now. */
export const NATIVE_NAMES: Record<PortalLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  // the only Portuguese offered; "(Brasil)" was cut to "Portuguê" in the phone header's picker
  'pt-BR': 'Português',
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

/** Each catalogue is its own chunk: a customer downloads the language they read, not all nine. */
const CATALOGUES: Record<PortalLanguage, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
  de: () => import('./de.json'),
  fr: () => import('./fr.json'),
  es: () => import('./es.json'),
  'pt-BR': () => import('./pt-BR.json'),
  ru: () => import('./ru.json'),
  'zh-Hans': () => import('./zh-Hans.json'),
  'zh-Hant': () => import('./zh-Hant.json'),
  ja: () => import('./ja.json'),
};

export const portalI18n = i18next.createInstance();

void portalI18n.init({
  initAsync: false, // a catalogue is added before the first render (loadPortalLanguage)
  resources: {},
  partialBundledLanguages: true,
  ns: ['portal'],
  defaultNS: 'portal',
  lng: initialLanguage(),
  // every catalogue has every key (test/browser/portal-catalogues.test.ts): nothing to fall back to
  fallbackLng: false,
  supportedLngs: [...PORTAL_LANGUAGES],
  load: 'currentOnly', // 'zh-Hans' must not fall back through a bare 'zh'
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Adds a language's catalogue once; resolves when its strings can be shown. */
export async function loadPortalLanguage(language: string): Promise<void> {
  const lang = matchLanguage(language) ?? 'en';
  if (portalI18n.hasResourceBundle(lang, 'portal')) return;
  const catalogue = await CATALOGUES[lang]();
  portalI18n.addResourceBundle(lang, 'portal', catalogue.default, true, true);
}

export async function changePortalLanguage(language: PortalLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // the choice then lasts as long as the page
  }
  await loadPortalLanguage(language);
  await portalI18n.changeLanguage(language);
}
