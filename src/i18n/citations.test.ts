import { describe, expect, it } from 'vitest';
import { jurisdictionFor } from '../domain/jurisdictions.ts';
import { decide } from '../domain/policy/decide.ts';
import { makeContext, makeRequest } from '../domain/policy/test-fixtures.ts';
import { citationLabel } from './citations.ts';
import { LANGUAGES } from './index.ts';

/** every statute the engine can cite, collected from the jurisdiction table */
function allSources(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && /\d/.test(v) && v.length > 8) out.add(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const c of ['DE', 'GB', 'CN', 'RU', 'BR', 'JP']) walk(jurisdictionFor(c));
  return [...out];
}

describe('citations in the reader language', () => {
  it('gives every statute the engine cites a title in each of the nine languages', () => {
    const sources = allSources();
    expect(sources.length).toBeGreaterThanOrEqual(12);
    for (const source of sources)
      for (const lang of LANGUAGES) {
        const label = citationLabel(lang, source);
        const article = /(?:art\. |reg |s\.)(\S+)$/.exec(source)?.[1];
        if (article) expect(label, `${lang}: ${source}`).toContain(article);
        if (lang === 'en') expect(label).toBe(source);
        else expect(label, `${lang}: ${source}`).not.toBe(source);
      }
  });

  it('cites the German title inside German text, and the store policy in words', () => {
    const d = decide(makeContext({ language: 'de' }), makeRequest());
    const floor = d.lines[0]?.explanations.find((e) => e.code === 'legal_floor');
    expect([floor?.source, floor?.source_label]).toEqual([
      'Directive 2011/83/EU art. 9',
      'Richtlinie 2011/83/EU Art. 9',
    ]);
    expect(citationLabel('ja', 'policy v3, rule 2')).toBe('ストアの返品規定 第3版 ルール2');
    expect(citationLabel('pt-BR', 'CDC (Lei 8.078/90) art. 49')).toBe(
      'Código de Defesa do Consumidor (Lei 8.078/90), art. 49',
    );
  });
});
