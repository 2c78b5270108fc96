// The console's languages must say everything English says, with the same placeholders and markup,
// and with every plural form the language needs (Russian has four, Chinese one).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Catalogue = { [key: string]: string | Catalogue };
const load = (lang: string) =>
  JSON.parse(readFileSync(`web/src/i18n/locales/${lang}.json`, 'utf8')) as Catalogue;

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c))
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const tokens = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)>/g)].map((m) => m[0]).sort();

/** Plural keys collapse to their base; the forms each language needs are checked separately. */
function bases(keys: Iterable<string>) {
  return new Set([...keys].map((k) => k.replace(PLURAL, '')));
}

const en = flatten(load('en'));

describe.each(['zh-Hans', 'ru'])('console catalogue %s', (lang) => {
  const other = flatten(load(lang));

  it('has exactly the keys English has', () => {
    expect([...bases(other.keys())].sort()).toEqual([...bases(en.keys())].sort());
  });

  it('keeps the placeholders and markup of each English string', () => {
    for (const [key, text] of other) {
      const source = en.get(key) ?? en.get(key.replace(PLURAL, '_other'));
      expect(source, key).toBeDefined();
      expect(tokens(text), key).toEqual(tokens(source ?? ''));
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('has every plural form the language uses', () => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const pluralBases = [...bases([...en.keys()].filter((k) => PLURAL.test(k)))];
    for (const base of pluralBases)
      for (const form of needed) expect(other.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
  });
});
