// Citations in the reader's language. The engine cites statutes in one canonical (English) form,
// which stays in the API's `source` for machines; `source_label` gives the official title in the
// explanation's language ("Richtlinie 2011/83/EU Art. 13" in German text, not "Directive ... art.").

import { type Language, normalizeLanguage, t } from './index.ts';

const PATTERNS: [RegExp, string][] = [
  [/^Directive 2011\/83\/EU art\. (\S+)$/, 'eu_crd'],
  [/^Directive \(EU\) 2019\/771 art\. (\S+)$/, 'eu_sgd'],
  [/^Consumer Contracts Regulations 2013 reg (\S+)$/, 'uk_ccr'],
  [/^Consumer Rights Act 2015 s\.(\S+)$/, 'uk_cra'],
  [/^Consumer Rights Protection Law art\. (\S+)$/, 'cn_crpl'],
  [/^Law 2300-1 art\. (\S+)$/, 'ru_zpp'],
  [/^CDC \(Lei 8\.078\/90\) art\. (\S+)$/, 'br_cdc'],
  [/^Act on Specified Commercial Transactions art\. (\S+)$/, 'jp_sct'],
  [/^Government Decree No\. 2463 of 31\.12\.2020()$/, 'ru_decree_2463'],
  [/^policy v(\d+)$/, 'store_policy'],
];
const STORE_RULE = /^policy v(\d+), rule (\d+)$/;

const memo = new Map<Language, Map<string, string>>();

/** The citation `source` in `lang`; a source no pattern knows is returned as written. */
export function citationLabel(lang: string, source: string): string {
  const language = normalizeLanguage(lang);
  let byLang = memo.get(language);
  if (!byLang) {
    byLang = new Map();
    memo.set(language, byLang);
  }
  let label = byLang.get(source);
  if (label === undefined) {
    label = translate(language, source);
    if (byLang.size < 10_000) byLang.set(source, label);
  }
  return label;
}

function translate(language: Language, source: string): string {
  const rule = STORE_RULE.exec(source);
  if (rule)
    return t(language, 'citations.store_policy_rule', { version: rule[1] ?? '', rule: rule[2] ?? '' });
  for (const [re, key] of PATTERNS) {
    const m = re.exec(source);
    if (!m) continue;
    return key === 'store_policy'
      ? t(language, 'citations.store_policy', { version: m[1] ?? '' })
      : t(language, `citations.${key}`, { n: m[1] ?? '' });
  }
  return source;
}
