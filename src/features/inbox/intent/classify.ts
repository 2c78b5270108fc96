// Language and intent of an inbound customer message, offline: tinyld for the language, a softmax
// regression over character n-grams (softmax.ts) trained in memory from the shipped examples for the
// intent. A pure function over text; the trained model (built on first use) is the only state.
import { toSimplified } from './chinese-script.ts';
import de from './examples/de.json' with { type: 'json' };
import en from './examples/en.json' with { type: 'json' };
import es from './examples/es.json' with { type: 'json' };
import fr from './examples/fr.json' with { type: 'json' };
import ja from './examples/ja.json' with { type: 'json' };
import pt from './examples/pt.json' with { type: 'json' };
import ru from './examples/ru.json' with { type: 'json' };
import zh from './examples/zh.json' with { type: 'json' };
import { fold, intentFeatures } from './features.ts';
import { INTENTS, type Intent, isIntent } from './intents.ts';
import { detectLanguage, primary, withoutNoise } from './language.ts';
import { stripQuoted } from './quoted.ts';
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
