// Customer-facing text. One i18next instance, initialised synchronously from bundled JSON (no backend,
// no network), so domain code can translate without awaiting anything. Every message is one whole
// sentence with interpolated values: fragments are never glued together.

import i18next from 'i18next';
import { minorUnitDigits } from '../domain/money.ts';
import de from './locales/de.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import ptBR from './locales/pt-BR.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import zhHans from './locales/zh-Hans.json' with { type: 'json' };
import zhHant from './locales/zh-Hant.json' with { type: 'json' };

export const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'ru', 'es', 'de', 'fr', 'pt-BR', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const resources = {
  en: { translation: en },
  'zh-Hans': { translation: zhHans },
  'zh-Hant': { translation: zhHant },
  ru: { translation: ru },
  es: { translation: es },
  de: { translation: de },
  fr: { translation: fr },
  'pt-BR': { translation: ptBR },
  ja: { translation: ja },
};

export const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
});

const normalised = new Map<string, Language>();
const TRADITIONAL = new Set(['tw', 'hk', 'mo', 'hant']);

/** Maps any BCP 47 tag onto a supported language: 'de-DE' -> 'de', 'zh-TW' -> 'zh-Hant', '??' -> 'en'. */
export function normalizeLanguage(tag: string | null | undefined): Language {
  if (!tag) return 'en';
  const cached = normalised.get(tag);
  if (cached) return cached;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  let out: Language = 'en';
  switch (parts[0]) {
    case 'zh':
      out = parts.slice(1).some((p) => TRADITIONAL.has(p)) ? 'zh-Hant' : 'zh-Hans';
      break;
    case 'pt':
      out = 'pt-BR';
      break;
    case 'ru':
    case 'es':
    case 'de':
    case 'fr':
    case 'ja':
      out = parts[0];
      break;
  }
  if (normalised.size < 1000) normalised.set(tag, out);
  return out;
}

export type Params = Record<string, string | number | boolean>;

const SUPPORTED = new Set<string>(LANGUAGES);

/** Translates `key` into `lang` (any tag; normalised). Pass `count` in params for plural forms. */
export function t(lang: string, key: string, params: Params = {}): string {
  const lng = SUPPORTED.has(lang) ? lang : normalizeLanguage(lang);
  return i18n.t(key, { ...params, lng }) as string;
}

// Templates for `tFill`: per language, key, param names (in order) and count, the message with a
// numbered hole for each param, or null where one cannot stand for i18next (then `t` answers).
interface Template {
  /** literal text around the holes: one more than `holes` */
  parts: string[];
  /** the param that fills each hole */
  holes: string[];
}
const templates = new Map<string, Template | null>();
const TEMPLATE_LIMIT = 10_000;
/** names i18next reads from the options object that `t` hands it params in: a param so named is an
 *  option, not a value to interpolate. The options are camelCase or one of these lowercase words. */
// biome-ignore format: a dense list reads better than one entry per line
const OPTION_NAMES = new Set([
  'backend', 'context', 'count', 'debug', 'detection', 'interpolation', 'interpolationkey', 'lng', 'lngs',
  'load', 'locale', 'nest', 'ns', 'ordinal', 'precheck', 'preload', 'prefix', 'prepend', 'range', 'reload',
  'replace', 'resources', 'silent', 'split',
]);
const PLAIN_NAME = /^[a-z][a-z0-9_]*$/;
const HOLE = /\uE000(\d+)\uE000/;

/**
 * The same text as `t(lang, key, params)`, without i18next on every call. i18next translates the key
 * once per language, param names and count (the plural form and any `{{count}}` depend on its value)
 * with a numbered placeholder for each other param, and each call puts its values in those holes.
 * That is exactly what i18next does with them (interpolation writes `String(value)` in place and never
 * reads a value again) as long as the message nests no other message (`$t(...)`), formats no value
 * (`{{x, format}}`) and no param is named like an option of i18next's: otherwise `t` answers.
 */
export function tFill(lang: string, key: string, params: Params): string {
  const lng = SUPPORTED.has(lang) ? lang : normalizeLanguage(lang);
  let id = `${lng}|${key}`;
  for (const k in params) {
    if (k === 'count') {
      if (typeof params.count !== 'number') return t(lng, key, params);
      id += `|#${params.count}`;
    } else if (PLAIN_NAME.test(k) && !OPTION_NAMES.has(k)) id += `|${k}`;
    else return t(lng, key, params);
  }
  let tpl = templates.get(id);
  if (tpl === undefined) {
    tpl = makeTemplate(lng, key, params);
    if (templates.size >= TEMPLATE_LIMIT) templates.clear();
    templates.set(id, tpl);
  }
  if (tpl === null) return t(lng, key, params);
  let out = tpl.parts[0] as string;
  for (let i = 0; i < tpl.holes.length; i++) {
    // as i18next writes a value: null and undefined as nothing
    const v = params[tpl.holes[i] as string];
    out += (v == null ? '' : String(v)) + (tpl.parts[i + 1] as string);
  }
  return out;
}

/** `lng` is a supported language; every param name is plain (checked by `tFill`). */
function makeTemplate(lng: string, key: string, params: Params): Template | null {
  const names: string[] = [];
  const marked: Params = {};
  for (const k in params) {
    if (k === 'count') marked.count = params.count as number;
    else {
      marked[k] = `\uE000${names.length}\uE000`;
      names.push(k);
    }
  }
  const count = typeof marked.count === 'number' ? { count: marked.count } : {};
  const raw = i18n.t(key, { ...count, lng, skipInterpolation: true });
  if (typeof raw !== 'string' || raw.includes('$t(') || raw.includes('\uE000') || /{{[^}]*,/.test(raw))
    return null;
  const split = t(lng, key, marked).split(HOLE);
  const parts: string[] = [];
  const holes: string[] = [];
  for (let i = 0; i < split.length; i++) {
    if (i % 2 === 0) parts.push(split[i] as string);
    else holes.push(names[Number(split[i])] as string);
  }
  return { parts, holes };
}

export function hasKey(lang: string, key: string): boolean {
  return i18n.exists(key, { lng: normalizeLanguage(lang), fallbackLng: false });
}

// Formats per language and currency or zone, each with the texts it has written: amounts and deadlines
// repeat across messages, and Intl takes microseconds a call. The texts are bounded together.
interface Written<K> {
  texts: Map<K, string>;
}
interface MoneyFormat extends Written<number> {
  fmt: Intl.NumberFormat;
  scale: number;
}
interface DateTimeFormat extends Written<string> {
  fmt: Intl.DateTimeFormat;
}
const moneyFormats = new Map<string, MoneyFormat>();
const dateFormats = new Map<string, DateTimeFormat>();
const TEXT_LIMIT = 100_000;
let textCount = 0;

function remember<K>(f: Written<K>, key: K, text: string): string {
  if (++textCount > TEXT_LIMIT) {
    for (const m of moneyFormats.values()) m.texts.clear();
    for (const d of dateFormats.values()) d.texts.clear();
    textCount = 1;
  }
  f.texts.set(key, text);
  return text;
}

/** 59500 EUR in 'de' -> '595,00 €'; minor units are scaled by the currency's ISO 4217 digits. */
export function formatMoney(lang: string, amount: number, currency: string): string {
  const language = normalizeLanguage(lang);
  const key = `${language}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = minorUnitDigits(currency);
    const fmt = new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    f = { fmt, scale: 10 ** digits, texts: new Map() };
    moneyFormats.set(key, f);
  }
  // -0 writes '-0,00 €' but is the same Map key as 0: not remembered
  if (Object.is(amount, -0)) return f.fmt.format(amount / f.scale);
  return f.texts.get(amount) ?? remember(f, amount, f.fmt.format(amount / f.scale));
}

/** An instant as a long local date and time in `timeZone`, e.g. '18. März 2026 um 23:59'. */
export function formatDateTime(lang: string, iso: string, timeZone: string): string {
  const language = normalizeLanguage(lang);
  const key = `${language}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    const fmt = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone });
    f = { fmt, texts: new Map() };
    dateFormats.set(key, f);
  }
  return f.texts.get(iso) ?? remember(f, iso, f.fmt.format(new Date(iso)));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day ('2026-11-30') as a long date in the language, e.g. '30. November 2026'. */
export function formatDate(lang: string, day: string): string {
  const language = normalizeLanguage(lang);
  let fmt = dayFormats.get(language);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(language, fmt);
  }
  return fmt.format(new Date(`${day}T00:00:00Z`));
}
