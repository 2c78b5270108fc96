// Accuracy of language and intent detection on the labelled test set (test/fixtures/intent/messages.jsonl)
// and on labelled Olist review comments (texts read from ../shared/data/olist-head-chunks at run time),
// plus training time and mean classification time. Run: npx tsx bench/intent.ts [--errors]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  classifyMessage,
  classifyWith,
  INTENT_LANGUAGES,
  INTENT_SETTINGS,
  type IntentExamples,
  trainIntentModel,
  warmIntentModel,
} from '../src/features/inbox/intent/classify.ts';
import examplesDe from '../src/features/inbox/intent/examples/de.json' with { type: 'json' };
import examplesEn from '../src/features/inbox/intent/examples/en.json' with { type: 'json' };
import examplesEs from '../src/features/inbox/intent/examples/es.json' with { type: 'json' };
import examplesFr from '../src/features/inbox/intent/examples/fr.json' with { type: 'json' };
import examplesJa from '../src/features/inbox/intent/examples/ja.json' with { type: 'json' };
import examplesPt from '../src/features/inbox/intent/examples/pt.json' with { type: 'json' };
import examplesRu from '../src/features/inbox/intent/examples/ru.json' with { type: 'json' };
import examplesZh from '../src/features/inbox/intent/examples/zh.json' with { type: 'json' };
import { FEATURE_SETTINGS } from '../src/features/inbox/intent/features.ts';
import { INTENTS } from '../src/features/inbox/intent/intents.ts';
import { DEFAULT_SOFTMAX } from '../src/features/inbox/intent/softmax.ts';

// --heldout: five-fold cross-validation over the shipped training examples only (each fold holds out
// every fifth example of each intent), for tuning settings without looking at the test set.
if (process.argv.includes('--heldout')) {
  const shipped: IntentExamples = {
    de: examplesDe,
    en: examplesEn,
    es: examplesEs,
    fr: examplesFr,
    ja: examplesJa,
    pt: examplesPt,
    ru: examplesRu,
    zh: examplesZh,
  };
  // INTENT_TUNE='{"minScore":0.4,"epochs":20,...}' overrides settings for this run.
  const tune = JSON.parse(process.env.INTENT_TUNE ?? '{}') as Record<string, number | boolean>;
  for (const target of [INTENT_SETTINGS, FEATURE_SETTINGS, DEFAULT_SOFTMAX] as Record<string, unknown>[]) {
    for (const key of Object.keys(target)) if (key in tune) target[key] = tune[key];
  }
  const WRAP: Record<string, [string, string]> = {
    de: ['Hallo,', 'Vielen Dank im Voraus.'],
    en: ['Hi there,', 'Thanks in advance.'],
    es: ['Hola, buenas tardes.', 'Muchas gracias de antemano.'],
    fr: ['Bonjour,', 'Merci d’avance pour votre aide.'],
    ja: ['お世話になっております。', 'よろしくお願いします。'],
    pt: ['Olá, boa tarde.', 'Agradeço desde já.'],
    ru: ['Добрый день!', 'Заранее спасибо.'],
    zh: ['你好，', '麻烦尽快回复，谢谢。'],
  };
  const tally = new Map<string, { n: number; ok: number }>();
  for (let fold = 0; fold < 5; fold += 1) {
    const train = {} as IntentExamples;
    const held: { lang: string; intent: string; text: string }[] = [];
    for (const lang of INTENT_LANGUAGES) {
      train[lang] = {};
      for (const intent of INTENTS) {
        const all = (shipped[lang] as Partial<Record<string, string[]>>)[intent] ?? [];
        train[lang][intent] = all.filter((_, i) => i % 5 !== fold);
        for (const text of all.filter((_, i) => i % 5 === fold)) held.push({ lang, intent, text });
      }
    }
    const m = trainIntentModel(train);
    for (const h of held) {
      const r = classifyWith(m, { text: h.text, languageHint: h.lang });
      // The same example as a short mail: a greeting before it, thanks after it.
      const [hello, thanks] = WRAP[h.lang] ?? ['', ''];
      const w = classifyWith(m, { text: `${hello}\n\n${h.text}\n\n${thanks}`, languageHint: h.lang });
      for (const [key, ok] of [
        [h.lang, r.intent === h.intent],
        ['all', r.intent === h.intent],
        ['all (as a mail)', w.intent === h.intent],
        [`mail ${h.intent === 'other' ? 'other' : 'asks'}`, w.intent === h.intent],
        [`plain ${h.intent === 'other' ? 'other' : 'asks'}`, r.intent === h.intent],
      ] as const) {
        const t = tally.get(key) ?? { n: 0, ok: 0 };
        t.n += 1;
        t.ok += ok ? 1 : 0;
        tally.set(key, t);
      }
    }
  }
  console.log([...tally].map(([k, t]) => `${k} ${((100 * t.ok) / t.n).toFixed(1)}%`).join('  '));
  process.exit(0);
}

interface Case {
  set: 'fixtures' | 'olist';
  lang: string;
  intent: string;
  subject: string;
  text: string;
}

const root = process.cwd();
const fixtures: Case[] = readFileSync(path.join(root, 'test/fixtures/intent/messages.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => ({ set: 'fixtures', ...(JSON.parse(l) as Omit<Case, 'set'>) }));

const labels = parse(readFileSync(path.join(root, 'test/fixtures/intent/olist-labels.csv')), {
  columns: true,
}) as { review_id: string; intent: string }[];
const reviews = parse(
  readFileSync(path.resolve(root, '../shared/data/olist-head-chunks/olist_order_reviews_dataset.csv')),
  { columns: true },
) as Record<string, string>[];
const byId = new Map(reviews.map((r) => [r.review_id, r]));
const olist: Case[] = labels.map(({ review_id, intent }) => {
  const r = byId.get(review_id);
  if (!r) throw new Error(`Olist review ${review_id} not found`);
  return {
    set: 'olist',
    lang: 'pt',
    intent,
    subject: r.review_comment_title ?? '',
    text: r.review_comment_message ?? '',
  };
});

const showErrors = process.argv.includes('--errors');
const t0 = performance.now();
await warmIntentModel();
const trainMs = performance.now() - t0;

interface Tally {
  n: number;
  intent: number;
  language: number;
}
const rows = new Map<string, Tally>();
const bump = (key: string, intentOk: boolean, langOk: boolean) => {
  const t = rows.get(key) ?? { n: 0, intent: 0, language: 0 };
  t.n += 1;
  t.intent += intentOk ? 1 : 0;
  t.language += langOk ? 1 : 0;
  rows.set(key, t);
};

let classifyMs = 0;
const all = [...fixtures, ...olist];
for (const c of all) {
  const s = performance.now();
  const r = await classifyMessage({ subject: c.subject, text: c.text });
  classifyMs += performance.now() - s;
  const intentOk = r.intent === c.intent;
  const langOk = r.language === c.lang || (c.lang === 'zh' && r.language === 'zh-Hant');
  bump(c.set === 'olist' ? 'pt (Olist reviews)' : c.lang, intentOk, langOk);
  bump('all', intentOk, langOk);
  if (showErrors && (!intentOk || !langOk)) {
    console.log(
      `${c.set}/${c.lang} want ${c.intent} got ${r.intent} (${r.confidence.toFixed(2)}, ${r.language}): ${`${c.subject} | ${c.text}`.replace(/\s+/g, ' ').slice(0, 140)}`,
    );
  }
}

const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`;
console.log('\n| set | messages | intent accuracy | language accuracy |');
console.log('|---|---:|---:|---:|');
for (const [key, t] of [...rows].sort(([a], [b]) =>
  a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
)) {
  console.log(`| ${key} | ${t.n} | ${pct(t.intent, t.n)} | ${pct(t.language, t.n)} |`);
}
console.log(
  `\nTraining: ${trainMs.toFixed(0)} ms. Classification: ${(classifyMs / all.length).toFixed(2)} ms a message (mean over ${all.length}).`,
);
