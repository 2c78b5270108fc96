import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { classifyMessage, warmIntentModel } from './classify.ts';
import { INTENTS } from './intents.ts';
import { detectLanguage } from './language.ts';
import { stripQuoted } from './quoted.ts';

interface Case {
  lang: string;
  intent: string;
  subject: string;
  text: string;
}

const root = process.cwd();

function fixtureCases(): Case[] {
  return readFileSync(path.join(root, 'test/fixtures/intent/messages.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

// Olist texts are read from the shared data folder at run time; only review ids and labels are in the repo.
function olistCases(): Case[] {
  const labels = parse(readFileSync(path.join(root, 'test/fixtures/intent/olist-labels.csv')), {
    columns: true,
  }) as { review_id: string; intent: string }[];
  const reviews = parse(
    readFileSync(path.resolve(root, '../shared/data/olist-head-chunks/olist_order_reviews_dataset.csv')),
    { columns: true },
  ) as Record<string, string>[];
  const byId = new Map(reviews.map((r) => [r.review_id, r]));
  return labels.map(({ review_id, intent }) => {
    const r = byId.get(review_id);
    if (!r) throw new Error(`Olist review ${review_id} not found`);
    return {
      lang: 'pt',
      intent,
      subject: r.review_comment_title ?? '',
      text: r.review_comment_message ?? '',
    };
  });
}

describe('test set', () => {
  const fixtures = fixtureCases();
  const olist = olistCases();

  it('is labelled with known intents and covers every intent in every required language', () => {
    const intents = new Set<string>(INTENTS);
    for (const c of [...fixtures, ...olist]) expect(intents.has(c.intent)).toBe(true);
    expect(fixtures.length).toBeGreaterThanOrEqual(300);
    expect(olist.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['en', 'zh', 'ru', 'pt', 'es', 'de', 'fr']) {
      const inLang = fixtures.filter((c) => c.lang === lang);
      expect(inLang.length).toBeGreaterThanOrEqual(35);
      for (const intent of INTENTS) expect(inLang.some((c) => c.intent === intent)).toBe(true);
    }
  });

  // The target is 85 % overall and 75 % in each language. Measured on 2026-12-04: 80.6 %
  // overall, Portuguese 72.7 % (BENCHMARKS.md, `npx tsx bench/intent.ts`). Until real labelled
  // support mail raises it, these floors hold what was reached: a change that loses accuracy fails.
  it('keeps at least 80% accuracy overall and 70% in each language (target: 85% and 75%)', async () => {
    await warmIntentModel();
    const perLang = new Map<string, { n: number; ok: number }>();
    let ok = 0;
    const all = [...fixtures, ...olist];
    for (const c of all) {
      const r = await classifyMessage({ subject: c.subject, text: c.text });
      const hit = r.intent === c.intent;
      ok += hit ? 1 : 0;
      const t = perLang.get(c.lang) ?? { n: 0, ok: 0 };
      t.n += 1;
      t.ok += hit ? 1 : 0;
      perLang.set(c.lang, t);
    }
    const overall = ok / all.length;
    const byLang = Object.fromEntries([...perLang].map(([l, t]) => [l, Number((t.ok / t.n).toFixed(3))]));
    console.log(`intent accuracy overall ${overall.toFixed(3)}`, byLang);
    expect(overall).toBeGreaterThanOrEqual(0.8);
    for (const [lang, acc] of Object.entries(byLang)) {
      expect({ lang, acc: acc >= 0.7 }).toEqual({ lang, acc: true });
    }
  }, 20_000);
});

describe('detectLanguage', () => {
  it('tells the languages apart', () => {
    expect(detectLanguage('Hallo, wo bleibt meine Bestellung? Ich warte schon seit zwei Wochen.')).toBe('de');
    expect(detectLanguage('你好，我的订单什么时候发货？')).toBe('zh');
    expect(detectLanguage('您好，我的訂單什麼時候發貨？請幫我查詢物流。')).toBe('zh-Hant');
    expect(detectLanguage('Здравствуйте, когда придёт мой заказ?')).toBe('ru');
    expect(detectLanguage('Olá, ainda não recebi o meu pedido, podem verificar?')).toBe('pt');
    expect(detectLanguage('注文した商品がまだ届きません')).toBe('ja');
  });

  it('falls back to the hint (else English) for text too short or mostly codes and links', () => {
    expect(detectLanguage('ok', 'pt')).toBe('pt');
    expect(detectLanguage('#1042', 'de')).toBe('de');
    expect(detectLanguage('#1042 https://track.example.com/BR123456789CN')).toBe('en');
    expect(detectLanguage('Danke!', 'de-AT')).toBe('de');
    expect(detectLanguage('', null)).toBe('en');
  });
});

describe('stripQuoted', () => {
  it('drops quoted lines, the reply header and the signature', () => {
    const text = [
      'Hi, the parcel never came.',
      'Can you check?',
      '',
      'Best regards,',
      'Anna Smith',
      '+44 20 7946 0000',
      '',
      'On Mon, 1 Dec 2026 at 10:14, Shop <help@shop.example> wrote:',
      '> Your order has shipped.',
    ].join('\n');
    expect(stripQuoted(text)).toBe('Hi, the parcel never came.\nCan you check?');
    expect(stripQuoted('Danke!\n\nAm 01.12.2026 um 10:14 schrieb Shop:\n> Ihre Bestellung')).toBe('Danke!');
    expect(stripQuoted('Merci\n> citation\nLe 1 déc. 2026 à 10:14, Shop a écrit :\n> bla')).toBe('Merci');
    expect(stripQuoted('Where is it?\n\nSent from my iPhone')).toBe('Where is it?');
    expect(stripQuoted('Where is it?\n-- \nJohn')).toBe('Where is it?');
  });
});

describe('classifyMessage', () => {
  it('answers other when nothing is asked', async () => {
    const r = await classifyMessage({
      subject: 'Re: Order #1042',
      text: 'Thanks a lot!',
      languageHint: 'en',
    });
    expect(r.intent).toBe('other');
    const empty = await classifyMessage({ text: '#1042', languageHint: 'de' });
    expect(empty).toMatchObject({ language: 'de', intent: 'other' });
  });

  it('uses the language hint for a very short message', async () => {
    const r = await classifyMessage({ text: 'stornieren bitte', languageHint: 'de' });
    expect(r.language).toBe('de');
    expect(r.intent).toBe('cancel_order');
  });

  it('reads the body, not the quoted shop reply', async () => {
    const r = await classifyMessage({
      subject: 'Re: Your refund',
      text: 'The heel of the left shoe came off on the first day.\n\nOn Tue, 2 Dec 2026, Shop wrote:\n> Your refund has been issued. Where is my order? Cancel my order.',
    });
    expect(r.intent).toBe('item_problem');
  });
});
