// The intent classifier's features: character n-grams and word bigrams of folded text (with a marker
// for negated words), or character unigrams and bigrams for Chinese and Japanese.
// Chinese and Japanese: character unigrams and bigrams (a dictionary segmenter or kuromoji would take
// seconds to load and gain nothing on short support mail).
function cjkTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run)) {
      tokens.push(run);
      continue;
    }
    for (let i = 0; i < chars.length; i += 1) {
      const ch = chars[i] as string;
      if (!/[\p{Script=Hiragana}]/u.test(ch)) tokens.push(ch); // a single kana says little
      if (i + 1 < chars.length) tokens.push(ch + chars[i + 1]);
    }
  }
  return tokens;
}

// Negation: a bag of words cannot tell "I did not receive it" from "I received it"; a marker feature for
// the negated word ("nicht angekommen" adds "!angekommen") lets it. Short words after the negator
// (pronouns, auxiliaries: "não foi entregue", "no me ha llegado") are skipped. Folded spellings.
const NEGATORS = new Set(
  'not never no nicht nie kein keine keinen pas jamais rien nao nunca nem ne ni net nichego не ни нет ничего'.split(
    ' ',
  ),
);

/** Lower case without diacritics ("Não" → "nao", "ё" → "е"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

export const FEATURE_SETTINGS = { minGram: 3, maxGram: 5, bigrams: true };

/**
 * Features of an alphabetic-script text: the folded words, their character 3- to 5-grams padded with
 * word boundaries ("<devol", "ucion>"), which share evidence across inflections and typos, word pairs,
 * and negated words.
 */
function wordFeatures(text: string): string[] {
  const words = (fold(text).match(/\p{L}+(?:'\p{L}+)?/gu) ?? []).map((w) => w.replace(/n't$/, ' not'));
  const flat = words.flatMap((w) => w.split(' '));
  const out: string[] = [];
  const { minGram, maxGram, bigrams } = FEATURE_SETTINGS;
  for (let i = 0; i < flat.length; i += 1) {
    const w = flat[i] as string;
    out.push(`w:${w}`);
    const padded = `<${w}>`;
    for (let n = minGram; n <= maxGram; n += 1) {
      for (let k = 0; k + n <= padded.length; k += 1) out.push(padded.slice(k, k + n));
    }
    if (bigrams && i + 1 < flat.length) out.push(`b:${w}_${flat[i + 1]}`);
    if (NEGATORS.has(w)) {
      for (let j = i + 1; j < Math.min(flat.length, i + 4); j += 1) {
        const next = flat[j] as string;
        if (NEGATORS.has(next) || (next.length <= 3 && j < i + 3)) continue;
        out.push(`!${next}`);
        break;
      }
    }
  }
  return out;
}

/** The classifier's features for a text in the given model language. */
export function intentFeatures(text: string, locale: string): string[] {
  return locale === 'zh' || locale === 'ja' ? cjkTokens(text) : wordFeatures(text);
}
