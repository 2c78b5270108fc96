// The language of a customer's message: scripts decide CJK and Cyrillic, tinyld the Latin-script
// languages; links, addresses and anything with a digit are left out first, and text too short to
// tell gives the sender's own language.
import { lazy, requireModule } from '../../../integrations/lazy.ts';
import { chineseScript } from './chinese-script.ts';

/** tinyld (tens of megabytes of language profiles), loaded on the first message (lazy.ts). */
const tinyld = lazy(() => requireModule('tinyld') as typeof import('tinyld'));

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL_RE = /\S+@\S+\.\S+/g;
// Order numbers, tracking numbers, phone numbers, dates: anything with a digit in it.
const CODE_RE = /[#№]?[\p{Script=Latin}\d_/.:-]*\d[\p{Script=Latin}\d_/.:-]*/gu;

export function withoutNoise(text: string): string {
  return text.replace(URL_RE, ' ').replace(EMAIL_RE, ' ').replace(CODE_RE, ' ');
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const CYRILLIC_LANGS = ['ru', 'uk', 'bg', 'be', 'mk', 'sr', 'kk'];
const IBERIAN = new Set(['pt', 'es', 'gl', 'ca']);
const LIKELY = new Set(['en', 'pt', 'es', 'de', 'fr', 'it', 'nl', 'pl']);

export function primary(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim();
  if (!t) return null;
  if (/^zh[-_](hant|tw|hk|mo)/i.test(t)) return 'zh-Hant';
  return t.split(/[-_]/)[0]?.toLowerCase() || null;
}

/**
 * The message's language as a BCP 47 primary subtag ('en', 'de', 'zh', ...; 'zh-Hant' for Traditional
 * Chinese). Scripts decide CJK and Cyrillic; tinyld decides among Latin-script languages. Text too short
 * or too ambiguous to tell (an order number, a URL, "thanks") gives `hint`, else 'en'.
 */
export function detectLanguage(text: string, hint?: string | null): string {
  const fallback = primary(hint) ?? 'en';
  const clean = withoutNoise(text);
  const kana = count(clean, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = count(clean, /\p{Script=Han}/gu);
  const hangul = count(clean, /\p{Script=Hangul}/gu);
  const cyrillic = count(clean, /\p{Script=Cyrillic}/gu);
  const latin = count(clean, /\p{Script=Latin}/gu);

  if (kana >= 2 && kana + han >= latin / 4) return 'ja';
  if (han >= 2 && han >= latin / 4) {
    // Kanji-only text could be Japanese: trust the hint then.
    if (kana === 0 && fallback === 'ja') return 'ja';
    return chineseScript(clean);
  }
  if (hangul >= 2 && hangul >= latin / 4) return 'ko';
  if (cyrillic >= 4 && cyrillic >= latin) {
    // tinyld often says 'uk' or 'bg' for short Russian; only letters Russian lacks say otherwise.
    if (/[іїєґ]/i.test(clean)) return 'uk';
    if (/[ўі]/i.test(clean) && fallback === 'be') return 'be';
    return CYRILLIC_LANGS.includes(fallback) ? fallback : 'ru';
  }
  const letters = cyrillic + latin;
  const words = clean.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
  const candidates = tinyld().detectAll(clean);
  const top = candidates[0];
  if (!top) return fallback;
  if (letters < 12 || words < 3) {
    // Very short: only a certain answer beats the hint.
    return hint ? fallback : top.accuracy >= 0.9 ? top.lang : fallback;
  }
  // tinyld mixes up the Iberian languages on short text; a few spellings settle it.
  if (IBERIAN.has(top.lang) || top.lang === 'it') {
    const pt = count(
      clean,
      /[ãõç]|(?<!\p{L})(não|nao|você|vocês|vcs|obrigad[oa]|meu|minha|recebi|comprei|veio)(?!\p{L})/giu,
    );
    const es = count(
      clean,
      /[ñ¿¡]|(?<!\p{L})(mi|muy|pero|recibí|compré|llegó|gracias|hola|usted|ustedes)(?!\p{L})/giu,
    );
    if (pt > es) return 'pt';
    if (es > pt && top.lang !== 'it') return 'es'; // Italian shares "mi" and "ma" with Spanish
  }
  const hinted = candidates.find((c) => c.lang === fallback);
  if (hint && hinted && hinted.accuracy >= top.accuracy * 0.5) return fallback;
  if (top.accuracy < 0.05 && hint) return fallback;
  // A close second among the languages support mail usually comes in beats a rare first guess
  // (short Portuguese is often read as Galician, Italian or Spanish).
  if (!LIKELY.has(top.lang)) {
    const likely = candidates.find((c) => LIKELY.has(c.lang));
    if (likely && likely.accuracy >= top.accuracy * 0.5) return likely.lang;
  }
  return top.lang;
}
