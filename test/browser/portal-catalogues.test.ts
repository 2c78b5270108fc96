// The portal's nine languages must say everything English says, with the same placeholders and every
// plural form the language needs; and every key the portal's code asks for must exist. (No browser
// needed: it sits beside the portal's browser test because that is where portal tests live.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = { [key: string]: string | Catalogue };
const DIR = 'web/src/portal';
const LANGUAGES = ['de', 'fr', 'es', 'pt-BR', 'ru', 'zh-Hans', 'zh-Hant', 'ja'];
const load = (lang: string) => JSON.parse(readFileSync(`${DIR}/i18n/${lang}.json`, 'utf8')) as Catalogue;

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c))
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const tokens = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const en = flatten(load('en'));
const enBases = new Set([...en.keys()].map(base));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('portal catalogues', () => {
  it('has every key the code asks for in English', () => {
    const used = new Set<string>();
    for (const code of sources(DIR))
      for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) if (m[1]) used.add(m[1]);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !enBases.has(k))).toEqual([]);
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    const other = flatten(load(lang));

    it('has exactly the keys English has', () => {
      expect([...new Set([...other.keys()].map(base))].sort()).toEqual([...enBases].sort());
    });

    it('keeps the placeholders of each English string', () => {
      for (const [key, text] of other) {
        const source = en.get(key) ?? en.get(key.replace(PLURAL, '_other')) ?? '';
        // A plural form may leave out the count where the language says "one" in words.
        const expected = PLURAL.test(key) ? tokens(source).filter((t) => t !== 'count') : tokens(source);
        const got = PLURAL.test(key) ? tokens(text).filter((t) => t !== 'count') : tokens(text);
        expect(got, `${lang} ${key}`).toEqual(expected);
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    });

    it("quotes in the language's own marks, not English ones", () => {
      for (const [key, text] of other) {
        const opening = (text.match(/„/g) ?? []).length;
        const english = (text.match(/[“”]/g) ?? []).length;
        // German opens with „ and closes with “; Chinese (Simplified) and Portuguese use “…” as English does
        if (lang === 'de') expect([english, /”/.test(text)], `${lang} ${key}`).toEqual([opening, false]);
        else if (!['zh-Hans', 'pt-BR'].includes(lang)) expect(english, `${lang} ${key}`).toBe(0);
      }
    });

    it('has every plural form the language uses', () => {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const plurals = new Set([...en.keys()].filter((k) => PLURAL.test(k)).map(base));
      for (const key of plurals)
        for (const form of needed) expect(other.has(`${key}_${form}`), `${lang} ${key}_${form}`).toBe(true);
    });
  });
});
