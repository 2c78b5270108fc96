import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../domain/reasons.ts';
import { formatDateTime, formatMoney, hasKey, i18n, LANGUAGES, normalizeLanguage, t } from './index.ts';

type Bundle = Record<string, string>;
const bundle = (lang: string): Bundle => i18n.getResourceBundle(lang, 'translation').explanations as Bundle;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (b: Bundle) => [...new Set(Object.keys(b).map((k) => k.replace(PLURAL, '')))];
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('normalizeLanguage', () => {
  it.each([
    ['de-DE', 'de'],
    ['de', 'de'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh_Hant', 'zh-Hant'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['ru-RU', 'ru'],
    ['es-MX', 'es'],
    ['fr-CA', 'fr'],
    ['ja-JP', 'ja'],
    ['EN-gb', 'en'],
    ['xx', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%s -> %s', (tag, expected) => {
    expect(normalizeLanguage(tag)).toBe(expected);
  });
});

describe('bundled translations', () => {
  const en = bundle('en');
  const keys = baseKeys(en);

  it('has all nine languages', () => {
    expect(LANGUAGES).toEqual(['en', 'zh-Hans', 'zh-Hant', 'ru', 'es', 'de', 'fr', 'pt-BR', 'ja']);
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s: every message exists, with every plural form a count can take',
    (lang) => {
      const b = bundle(lang);
      const rules = new Intl.PluralRules(lang);
      for (const key of keys) {
        if (en[key] !== undefined) {
          expect(b[key], `${lang} ${key}`).toBeTypeOf('string');
          continue;
        }
        const forms = new Set(Array.from({ length: 4000 }, (_, n) => rules.select(n)));
        for (const form of forms) expect(b[`${key}_${form}`], `${lang} ${key}_${form}`).toBeTypeOf('string');
      }
      expect(baseKeys(b).sort()).toEqual([...keys].sort());
    },
  );

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s: real translations with the same placeholders as English',
    (lang) => {
      const b = bundle(lang);
      for (const [key, text] of Object.entries(b)) {
        const english = en[key] ?? en[`${key.replace(PLURAL, '')}_other`] ?? '';
        expect(text, `${lang} ${key}`).not.toBe(english);
        expect(vars(text), `${lang} ${key}`).toEqual(vars(english));
      }
    },
  );

  it('English has one and other for every plural message', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('_other')))
      expect(en[key.replace('_other', '_one')]).toBeTypeOf('string');
  });
});

describe('packing slip translations', () => {
  // The slip's messages, nested (steps, methods, reasons), as flat dotted keys.
  const flatten = (o: object, prefix = ''): Bundle =>
    Object.fromEntries(
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
      ),
    );
  const slip = (lang: string) => flatten(i18n.getResourceBundle(lang, 'translation').slip);
  const en = slip('en');

  it('has a label for every reason code and a line for every return method', () => {
    for (const code of REASON_CODES) expect(en[`reasons.${code}`], code).toBeTypeOf('string');
    for (const method of ['label', 'drop_off', 'pickup', 'in_store', 'other'])
      expect(en[`methods.${method}`], method).toBeTypeOf('string');
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s: the same keys and placeholders as English', (lang) => {
    const b = slip(lang);
    expect(Object.keys(b).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(b)) {
      expect(text, `${lang} ${key}`).not.toBe(en[key]);
      expect(vars(text), `${lang} ${key}`).toEqual(vars(en[key] ?? ''));
    }
  });
});

describe('t', () => {
  it('interpolates and picks plural forms per language', () => {
    expect(t('en', 'explanations.store_window', { days: 1, count: 1 })).toBe(
      'The store accepts returns within 1 day of delivery.',
    );
    expect(t('de-AT', 'explanations.store_window', { days: 30, count: 30 })).toBe(
      'Der Shop nimmt Rücksendungen innerhalb von 30 Tagen ab Lieferung an.',
    );
    expect(t('ru', 'explanations.store_window', { days: 21, count: 21 })).toContain('21 день');
    expect(t('ru', 'explanations.store_window', { days: 22, count: 22 })).toContain('22 дня');
    expect(t('ru', 'explanations.store_window', { days: 14, count: 14 })).toContain('14 дней');
    expect(t('ja', 'explanations.store_window', { days: 14, count: 14 })).toBe(
      'ストアではお届けから14日以内の返品を受け付けています。',
    );
    expect(t('zh-TW', 'explanations.return_shipping_merchant')).toBe('退貨運費由商店負擔。');
    expect(t('zh-CN', 'explanations.return_shipping_merchant')).toBe('退货运费由商店承担。');
  });

  it('falls back to English for an unknown language and reports missing keys', () => {
    expect(t('xx', 'explanations.final_sale')).toBe(
      'This item was sold as final sale and cannot be returned for a change of mind.',
    );
    expect(hasKey('fr', 'explanations.final_sale')).toBe(true);
    expect(hasKey('fr', 'explanations.nope')).toBe(false);
  });

  it('formats money by the currency minor unit and dates in the given zone', () => {
    expect(formatMoney('de', 59500, 'EUR')).toBe('595,00\u00a0€');
    expect(formatMoney('en', 595, 'EUR')).toBe('€5.95');
    expect(formatMoney('ja', 1200, 'JPY')).toBe('￥1,200');
    expect(formatMoney('en', 1234, 'KWD')).toBe('KWD\u00a01.234');
    expect(formatDateTime('fr', '2026-03-18T23:59:59.999+01:00', 'Europe/Paris')).toBe(
      '18 mars 2026 à 23:59',
    );
    expect(formatDateTime('en', '2026-03-09T23:59:59.999+08:00', 'Asia/Shanghai')).toBe(
      'March 9, 2026 at 11:59 PM',
    );
  });
});
