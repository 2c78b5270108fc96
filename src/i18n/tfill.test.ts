import { describe, expect, it } from 'vitest';
import { i18n, LANGUAGES, type Params, t, tFill } from './index.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** every explanation key with the params any language's text of it (any plural form) interpolates */
function explanationKeys(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const lang of LANGUAGES) {
    const b = i18n.getResourceBundle(lang, 'translation').explanations as Record<string, string>;
    for (const [k, text] of Object.entries(b)) {
      const key = `explanations.${k.replace(PLURAL, '')}`;
      const names = out.get(key) ?? new Set<string>();
      for (const m of text.matchAll(/\{\{\s*-?\s*(\w+)\s*\}\}/g)) names.add(m[1] as string);
      out.set(key, names);
    }
  }
  return out;
}

// values i18next must not read again: replacement patterns, placeholders, nesting, markup, empty
const VALUES: (string | number | boolean)[] = [
  '59,50 €',
  'US$ 5.95',
  '$& $1 $$',
  '{{days}}',
  '$t(explanations.final_sale)',
  '<b>&amp;</b>',
  '',
  0,
  -0,
  1.5,
  true,
];

describe('tFill', () => {
  it('writes what t writes, for every explanation, language, count and kind of value', () => {
    let i = 0;
    for (const [key, names] of explanationKeys()) {
      for (const lang of [...LANGUAGES, 'de-AT', 'xx']) {
        for (const count of [undefined, 0, 1, 2, 3, 5, 11, 21, 22, 101]) {
          const params: Params = {};
          for (const n of names) {
            params[n] = n === 'count' ? (count ?? 1) : (VALUES[i++ % VALUES.length] as string);
            if (['days', 'months', 'years'].includes(n) && count !== undefined) params[n] = count;
          }
          if (count !== undefined) params.count = count;
          expect(tFill(lang, key, params), `${lang} ${key} ${JSON.stringify(params)}`).toBe(
            t(lang, key, params),
          );
        }
      }
    }
  });

  it('writes null and undefined as i18next does: as nothing', () => {
    const key = [...explanationKeys()].find(([, names]) => names.size > 0);
    if (!key) throw new Error('no explanation with params');
    const [code, names] = key;
    for (const value of [null, undefined]) {
      const params = Object.fromEntries([...names].map((n) => [n, value])) as unknown as Params;
      expect(tFill('en', code, params)).toBe(t('en', code, params));
      expect(tFill('en', code, params)).not.toMatch(/null|undefined/);
    }
  });

  it('leaves params named like i18next options, and unknown keys, to t', () => {
    const params = { context: 'male', lng: 'de', days: 3 };
    expect(tFill('en', 'explanations.store_window', params)).toBe(
      t('en', 'explanations.store_window', params),
    );
    expect(tFill('en', 'explanations.no_such_code', { x: 1 })).toBe(
      t('en', 'explanations.no_such_code', { x: 1 }),
    );
    expect(tFill('en', 'explanations.store_window', { count: '2' })).toBe(
      t('en', 'explanations.store_window', { count: '2' }),
    );
  });
});
