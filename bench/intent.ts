// Accuracy of language and intent detection on the labelled test set (test/fixtures/intent/messages.jsonl)
// and on labelled Olist review comments (texts read from ../shared/data/olist-head-chunks at run time),
// plus training time and mean classification time. Run: npx tsx bench/intent.ts [--errors]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { classifyMessage, warmIntentModel } from '../src/features/inbox/intent/classify.ts';

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
