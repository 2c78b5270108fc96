// Language and intent of an inbound customer message, offline: tinyld for the language, a softmax
// regression over character n-grams (softmax.ts) trained in memory from the shipped examples for the
// intent. A pure function over text; the trained model (built on first use) is the only state.
import { lazy, requireModule } from '../../../integrations/lazy.ts';
import de from './examples/de.json' with { type: 'json' };
import en from './examples/en.json' with { type: 'json' };
import es from './examples/es.json' with { type: 'json' };
import fr from './examples/fr.json' with { type: 'json' };
import ja from './examples/ja.json' with { type: 'json' };
import pt from './examples/pt.json' with { type: 'json' };
import ru from './examples/ru.json' with { type: 'json' };
import zh from './examples/zh.json' with { type: 'json' };
import { INTENTS, type Intent, isIntent } from './intents.ts';
import {
  DEFAULT_SOFTMAX,
  predictSoftmax,
  type SoftmaxModel,
  type SoftmaxSettings,
  trainSoftmax,
} from './softmax.ts';

type Examples = Partial<Record<Intent, string[]>>;

/** The languages with training examples (one classifier each). */
export const INTENT_LANGUAGES = ['en', 'zh', 'ru', 'pt', 'es', 'de', 'fr', 'ja'] as const;
const EXAMPLES: Record<(typeof INTENT_LANGUAGES)[number], Examples> = { en, zh, ru, pt, es, de, fr, ja };

/**
 * minScore: below this probability the best intent is not trusted and the message is `other`.
 * parts: 0 scores the whole text only; 1 sums the scores of the whole and of each sentence; 2 sums only the
 *   sentences whose own best answer is an intent. Greetings and thanks are never a sentence of their own.
 * twinWords: Portuguese and Spanish texts up to this many words are scored by both models.
 */
export const INTENT_SETTINGS = { minScore: 0.3, twinWords: 8, parts: 2 };

// ---------------------------------------------------------------------------------------------
// Chinese script: Traditional characters that differ from their Simplified form (common ones in
// support mail). Used to tell zh-Hant from zh and to fold Traditional text onto one model.
const TRAD_SIMP_PAIRS =
  '訂订 單单 貨货 錢钱 還还 沒没 實实 遞递 運运 達达 們们 麼么 這这 個个 東东 壞坏 換换 號号 時时 間间 幫帮 ' +
  '請请 問问 題题 說说 買买 賣卖 給给 經经 過过 後后 發发 帳账 戶户 寫写 錯错 對对 無无 為为 產产 從从 邊边 ' +
  '裡里 裏里 處处 關关 開开 與与 進进 應应 該该 將将 會会 來来 讓让 見见 點点 氣气 樣样 態态 務务 費费 額额 ' +
  '銀银 寶宝 貝贝 質质 損损 舊旧 異异 聯联 繫系 係系 郵邮 區区 樓楼 門门 鄉乡 縣县 灣湾 臺台 華华 國国 週周 ' +
  '幾几 遲迟 訊讯 蹤踪 狀状 況况 記记 錄录 認认 確确 稱称 評评 論论 訴诉 騙骗 爛烂 標标 準准 價价 據据 圖图 ' +
  '張张 貼贴 聽听 讀读 謝谢 嗎吗 啟启 車车 檢检 電电 話话 碼码 線线 網网 頁页 資资 員员 覆复 歸归 辦办 稅税 ' +
  '輸输 傳传 絡络 變变 動动 種种 顏颜 裝装 壓压 亂乱 離离 飾饰 鏡镜 廠厂 紅红 藍蓝 綠绿 黃黄 議议 極极 煩烦 ' +
  '錶表 鐘钟 機机 腦脑 筆笔 書书 寬宽 長长 雙双 條条 帶带 負负 責责 聲声 歡欢 幣币 賠赔 償偿 虧亏 詢询 諮咨 ' +
  '續续 齊齐 閉闭 談谈 護护 廣广 夠够 隻只 頭头 髮发 鬆松 緊紧 適适 誤误 詐诈 團团 購购 證证 軟软 體体 環环 ' +
  '舉举 報报 複复 雜杂 識识 終终 於于 紙纸 劃划 傷伤 髒脏 濕湿 計计 順顺 豐丰 專专 營营 業业 現现 義义 則则 ' +
  '啊啊 收收 貨货 寄寄 約约 卻却 儘尽 盡尽 氣气 壞坏 慣惯 顧顾 客客 滿满 驗验 險险 當当 麗丽 號号 讚赞 嚴严';
const TRAD_TO_SIMP = new Map<string, string>();
const SIMP_ONLY = new Set<string>();
for (const pair of TRAD_SIMP_PAIRS.split(' ')) {
  const [trad, simp] = [...pair];
  if (trad && simp && trad !== simp) {
    TRAD_TO_SIMP.set(trad, simp);
    SIMP_ONLY.add(simp);
  }
}

function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRAD_TO_SIMP.get(ch) ?? ch;
  return out;
}

/** 'zh-Hant' when more of the text's script-specific characters are Traditional than Simplified. */
function chineseScript(text: string): 'zh' | 'zh-Hant' {
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    if (TRAD_TO_SIMP.has(ch)) trad += 1;
    else if (SIMP_ONLY.has(ch)) simp += 1;
  }
  return trad > simp ? 'zh-Hant' : 'zh';
}

// ---------------------------------------------------------------------------------------------
// Quoted replies and signatures

const REPLY_HEADER = [
  /^\s*on\b.{0,200}\bwrote:?\s*$/i, // On Mon, 3 Dec 2026, Shop <x@y> wrote:
  /^\s*am\b.{0,200}\bschrieb.{0,80}:?\s*$/i, // Am 03.12.2026 um 10:00 schrieb ...:
  /^\s*le\b.{0,200}\ba écrit\s*:?\s*$/i, // Le 3 déc. 2026 à 10:00, ... a écrit :
  /^\s*el\b.{0,200}\bescribió:?\s*$/i,
  /^\s*em\b.{0,200}\bescreveu:?\s*$/i,
  /^\s*.{0,200}\b(пишет|написал|написала|написал\(а\)):?\s*$/i,
  /^\s*(在|於).{0,200}(写道|寫道)[:：]?\s*$/,
  /^\s*.{0,200}(のメッセージ|が書きました|さんは書きました)[:：]?\s*$/,
  /^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|mensagem original|исходное сообщение|原始邮件|原始郵件)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule above the quoted header block
  /^\s*(from|von|de|от|发件人|寄件者|差出人)\s*[:：]\s*.+@.+$/i,
];

const SIGNATURE_START = [
  /^--\s*$/, // the standard delimiter "-- "
  /^\s*(sent from my|get outlook for|von meinem .* gesendet|envoyé de mon|enviado desde mi|enviado do meu|отправлено с|发自我的|從我的|iphoneから送信)/i,
];

// A closing line on its own ("Best regards," then a name) near the end starts the signature.
const CLOSING =
  /^\s*(best|kind|warm|many thanks and)?\s*(regards|wishes|cheers|thanks|thank you|thx|sincerely|yours( truly| sincerely)?|best|mit freundlichen grüßen|freundliche grüße|viele grüße|liebe grüße|beste grüße|lg|mfg|gruß|danke|cordialement|bien à vous|bien cordialement|salutations|merci( beaucoup)?|atenciosamente|att\.?|abraços?|obrigad[oa]|saludos( cordiales)?|un saludo|atentamente|gracias|с уважением|спасибо|всего доброго|謝謝|谢谢|此致|敬礼|祝好|よろしくお願いします|よろしくお願いいたします)\s*[,.!:]?\s*$/i;

/**
 * The customer's own words: drops quoted lines ('>'), everything after a reply header ("On ... wrote:",
 * "Am ... schrieb", "-----Original Message-----", ...) and the signature (after "-- ", "Sent from my
 * iPhone", or a bare closing line such as "Best regards," in the last lines).
 */
/** tinyld (tens of megabytes of language profiles), loaded on the first message (lazy.ts). */
const tinyld = lazy(() => requireModule('tinyld') as typeof import('tinyld'));

export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (REPLY_HEADER.some((re) => re.test(line))) break;
    if (SIGNATURE_START.some((re) => re.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  // A closing line within the last four non-empty lines cuts the rest (name, phone, shop).
  const nonEmpty = kept.map((l, i) => ({ l, i })).filter((x) => x.l.trim() !== '');
  for (const { l, i } of nonEmpty.slice(-4)) {
    if (CLOSING.test(l) && nonEmpty.some((x) => x.i < i)) {
      kept.length = i;
      break;
    }
  }
  return kept.join('\n').trim();
}

// ---------------------------------------------------------------------------------------------
// Language

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL_RE = /\S+@\S+\.\S+/g;
// Order numbers, tracking numbers, phone numbers, dates: anything with a digit in it.
const CODE_RE = /[#№]?[\p{Script=Latin}\d_/.:-]*\d[\p{Script=Latin}\d_/.:-]*/gu;

function withoutNoise(text: string): string {
  return text.replace(URL_RE, ' ').replace(EMAIL_RE, ' ').replace(CODE_RE, ' ');
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const CYRILLIC_LANGS = ['ru', 'uk', 'bg', 'be', 'mk', 'sr', 'kk'];
const IBERIAN = new Set(['pt', 'es', 'gl', 'ca']);
const LIKELY = new Set(['en', 'pt', 'es', 'de', 'fr', 'it', 'nl', 'pl']);

function primary(tag: string | null | undefined): string | null {
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

// ---------------------------------------------------------------------------------------------
// Intent model

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

// "Re: Your refund" is the shop's subject, not the customer's question.
const REPLY_SUBJECT = /^\s*(re|aw|antw|res|r|tr|sv|vs|fw|fwd|wg|rv|enc|ответ|回复|回覆|答复)\s*[:：]/i;

/** Text as the model sees it: quoted reply and signature gone, codes and links gone, Traditional folded. */
function modelText(subject: string | null | undefined, text: string, locale: string): string {
  const body = stripQuoted(text);
  const subj = subject?.trim() ?? '';
  const useSubject = subj && !(REPLY_SUBJECT.test(subj) && body.split(/\s+/).length >= 3);
  const joined = useSubject ? `${subj}\n${body}` : body;
  const clean = withoutNoise(joined)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return locale === 'zh' ? toSimplified(clean) : clean;
}

export type IntentLanguage = (typeof INTENT_LANGUAGES)[number];
export type IntentExamples = Record<IntentLanguage, Examples>;

export interface IntentModel {
  models: Map<IntentLanguage, SoftmaxModel>;
}

/** One softmax classifier per language over the examples' features. */
export function trainIntentModel(
  examples: IntentExamples = EXAMPLES,
  settings: SoftmaxSettings = DEFAULT_SOFTMAX,
): IntentModel {
  const models = new Map<IntentLanguage, SoftmaxModel>();
  for (const locale of INTENT_LANGUAGES) {
    const docs = INTENTS.flatMap((intent) =>
      (examples[locale][intent] ?? []).map((u) => ({
        features: intentFeatures(modelText(null, u, locale), locale),
        label: intent,
      })),
    );
    models.set(locale, trainSoftmax(docs, INTENTS, settings));
  }
  return { models };
}

let model: IntentModel | null = null;

function trainedModel(): IntentModel {
  model ??= trainIntentModel();
  return model;
}

/** Trains the intent model now rather than on the first message. */
export async function warmIntentModel(): Promise<void> {
  trainedModel();
}

export interface ClassifyInput {
  subject?: string | null;
  text: string;
  /** The order's customer language, used when the message is too short to tell. */
  languageHint?: string | null;
}

export interface Classification {
  language: string;
  intent: Intent;
  confidence: number;
}

function modelLocale(language: string, hint: string | null): IntentLanguage {
  const supported = (l: string | null): l is IntentLanguage =>
    !!l && (INTENT_LANGUAGES as readonly string[]).includes(l);
  const lang = language === 'zh-Hant' ? 'zh' : language;
  if (supported(lang)) return lang;
  const h = hint === 'zh-Hant' ? 'zh' : hint;
  return supported(h) ? h : 'en';
}

function score(m: IntentModel, locale: IntentLanguage, text: string): { intent: string; score: number } {
  const softmax = m.models.get(locale) as SoftmaxModel;
  const probs = predictSoftmax(softmax, intentFeatures(text, locale));
  const parts = splitParts(text);
  if (parts.length < 2 || INTENT_SETTINGS.parts === 0) {
    // One sentence besides greetings and thanks: that sentence alone.
    const only =
      parts.length === 1 && INTENT_SETTINGS.parts !== 0
        ? predictSoftmax(softmax, intentFeatures(parts[0] as string, locale))
        : probs;
    const top = only[0] as { label: string; p: number };
    return { intent: top.label, score: top.p };
  }
  // The examples are single sentences; a mail also greets, gives context and thanks, which reads as
  // `other`. Each sentence is scored on its own: the intent the sentences (and the whole) lean to most,
  // as sure as its surest sentence; `other` only when no sentence asks for anything.
  const sums = new Map<string, number>();
  const peaks = new Map<string, number>();
  for (const part of INTENT_SETTINGS.parts === 2 ? parts : [text, ...parts]) {
    const ranked = part === text ? probs : predictSoftmax(softmax, intentFeatures(part, locale));
    // parts 2: only a sentence whose own best answer is an intent (not `other`) counts.
    if (
      INTENT_SETTINGS.parts === 2 &&
      (ranked[0]?.label === 'other' || (ranked[0]?.p ?? 0) < INTENT_SETTINGS.minScore)
    )
      continue;
    for (const { label, p } of ranked) {
      if (label === 'other') continue;
      sums.set(label, (sums.get(label) ?? 0) + p);
      peaks.set(label, Math.max(peaks.get(label) ?? 0, p));
    }
  }
  let best = { intent: 'other', score: 0 };
  let bestSum = -1;
  for (const [intent, sum] of sums) {
    const key = sum;
    if (key > bestSum) {
      bestSum = key;
      best = { intent, score: peaks.get(intent) ?? 0 };
    }
  }
  return best;
}

// Greetings, thanks and sign-offs (folded): a sentence made only of these asks for nothing.
const PHATIC = new Set(
  (
    'hi hello hey dear there team sir madam good morning afternoon evening thanks thank you in advance much many ' +
    'regards best kind cheers hallo guten tag morgen abend liebe lieber sehr geehrte geehrter damen und herren ' +
    'vielen dank im voraus danke schon gruss grusse freundlichen mit viele bonjour bonsoir salut madame monsieur ' +
    'cher chere merci d avance pour votre aide beaucoup cordialement bien a vous par hola buenas buenos dias ' +
    'tardes noches estimado estimada estimados gracias de antemano muchas saludos un saludo cordiales atentamente ' +
    'ola oi bom boa dia tarde noite prezado prezada prezados obrigado obrigada agradeco desde ja att ' +
    'atenciosamente abraco abracos muito здравствуйте добрый день доброе утро вечер привет уважаемый уважаемая ' +
    'уважаемые заранее спасибо большое с уважением'
  ).split(' '),
);
const PHATIC_CJK =
  /^(你好|您好|谢谢|多谢|麻烦了|麻烦尽快回复|感谢|こんにちは|お世話になっております|よろしくお願いします|よろしくお願いいたします|ありがとうございます)$/;

function isPhatic(part: string): boolean {
  const cjk = part.replace(/[\s\p{P}]+/gu, '');
  if (PHATIC_CJK.test(cjk)) return true;
  const words = fold(part).match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.every((w) => PHATIC.has(w));
}

/** Sentences (and lines) with letters in them, greetings and thanks left out. */
function splitParts(text: string): string[] {
  return text.split(/(?<=[.!?。！？\n])\s*/u).filter((x) => /\p{L}/u.test(x) && !isPhatic(x));
}

/** classifyMessage with a given model (the held-out evaluation trains its own). */
export function classifyWith(m: IntentModel, input: ClassifyInput): Classification {
  const body = stripQuoted(input.text);
  const subject = input.subject?.trim() ?? '';
  // The body says more about the language than the subject (often "Re: Order #1042").
  const language = detectLanguage(body.length >= 20 ? body : `${subject}\n${body}`, input.languageHint);
  const locale = modelLocale(language, primary(input.languageHint));
  const text = modelText(subject, input.text, locale);
  if (!/\p{L}/u.test(text)) return { language, intent: 'other', confidence: 1 };
  let best = score(m, locale, text);
  // Short Portuguese and Spanish are easily taken for each other: ask both models, keep the surer answer.
  const twin = locale === 'pt' ? 'es' : locale === 'es' ? 'pt' : null;
  if (twin && text.split(/\s+/).length <= INTENT_SETTINGS.twinWords) {
    const other = score(m, twin, text);
    if (other.score > best.score) best = other;
  }
  if (!isIntent(best.intent) || best.score < INTENT_SETTINGS.minScore) {
    return { language, intent: 'other', confidence: 1 - best.score };
  }
  return { language, intent: best.intent, confidence: best.score };
}

export async function classifyMessage(input: ClassifyInput): Promise<Classification> {
  return classifyWith(trainedModel(), input);
}
