// Reviews imported from Olist's review export (real Brazilian customers' words) against the Olist
// orders they belong to: linked, kept once, and a low one turned into a case with a drafted reply in
// Portuguese and a recovery offer within the agent's goodwill ceiling.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOlist } from '../../src/features/orders/import-olist.ts';
import { type ImportItem, importOrders } from '../../src/features/orders/import-orders.ts';
import { createTestApp, type TestApp } from '../app.ts';

const OLIST = '../shared/data/olist-10k-2017';
const REVIEWS = '../shared/data/olist-head-chunks/olist_order_reviews_dataset.csv';
const have = existsSync(OLIST) && existsSync(REVIEWS);

let t: TestApp;
let csv = '';
let reviewed = new Map<string, { score: number; message: string }>();
beforeAll(async () => {
  t = await createTestApp();
  if (!have) return;
  // the policy's goodwill ceilings are in euros; the Olist orders in reais
  const rate = await t.call('PUT', '/api/v1/exchange-rates', {
    rates: [{ day: '2016-01-01', base: 'EUR', quote: 'BRL', rate: '5.5' }],
  });
  expect(rate.statusCode, rate.body).toBe(200);
  csv = readFileSync(REVIEWS, 'utf8');
  const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<
    string,
    string
  >[];
  reviewed = new Map(
    rows.map((r) => [
      r.order_id as string,
      { score: Number(r.review_score), message: r.review_comment_message ?? '' },
    ]),
  );
  // only the Olist orders that have a review in the file
  async function* withReviews() {
    for await (const item of readOlist(OLIST))
      if ('order' in item && reviewed.has(item.order.external_id ?? '')) yield item;
  }
  const summary = await importOrders(t.database, t.store.id, withReviews() as AsyncIterable<ImportItem>);
  expect(summary.created).toBeGreaterThan(500);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe.runIf(have)('reviews from Olist', () => {
  it('links reviews to their orders, opens a case for each low one, and imports nothing twice', {
    timeout: 120_000,
  }, async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reviews/import?source=olist',
      payload: csv,
      headers: { authorization: `Bearer ${t.tokens.agent}`, 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<
      string,
      string
    >[];
    const orders = await t.database.db
      .selectFrom('orders')
      .select('external_id')
      .where('store_id', '=', t.store.id)
      .execute();
    const known = new Set(orders.map((o) => o.external_id));
    const expectedLinked = rows.filter((r) => known.has(r.order_id as string)).length;
    const expectedLowLinked = rows.filter(
      (r) => known.has(r.order_id as string) && Number(r.review_score) <= 2,
    ).length;
    // Olist repeats a few review ids across orders: the later row updates the first
    const ids = new Set(rows.map((r) => r.review_id));
    expect(out.created).toBe(ids.size - out.refused.length);
    expect(out.created + out.updated + out.refused.length).toBe(rows.length);
    expect(out.linked).toBe(expectedLinked);
    expect(out.cases_opened).toBe(expectedLowLinked);
    expect(out.cases_opened).toBeGreaterThan(10);

    const low = (await t.call('GET', '/api/v1/reviews?max_score=1&limit=500')).json().data;
    const withCase = low.find((r: { case_id: string | null; body: string | null }) => r.case_id && r.body);
    expect(withCase.language).toBe('pt');
    expect(withCase.draft_reply).toContain(withCase.order_number);
    expect(withCase.draft_reply).toMatch(/Obrigad|Agradecemos|Sentimos/);
    // a tenth of what was paid, held to the agent's ceiling of 20.00 EUR = 110.00 BRL
    const order = (await t.call('GET', `/api/v1/orders/${withCase.order_id}`)).json();
    expect(withCase.recovery_offer).toEqual({
      type: 'store_credit',
      currency: 'BRL',
      amount: Math.min(
        Math.round(order.payments.reduce((sum: number, p: { amount: number }) => sum + p.amount, 0) / 10),
        11000,
      ),
    });
    expect(withCase.draft_reply).toContain('crédito');
    const c = (await t.call('GET', `/api/v1/cases/${withCase.case_id}`)).json();
    expect(c).toMatchObject({ kind: 'inquiry', status: 'open' });
    expect(c.data).toMatchObject({ source: 'review', score: withCase.score });
    const suggestion = (await t.call('GET', `/api/v1/cases/${withCase.case_id}/suggested-reply`)).json();
    expect(suggestion.body).toBe(withCase.draft_reply);
    // the customer's words are on the case
    const msgs = (await t.call('GET', `/api/v1/cases/${withCase.case_id}/messages`)).json().data;
    expect(msgs.find((m: { direction: string }) => m.direction === 'in')?.body).toContain(withCase.body);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reviews/import?source=olist',
      payload: csv,
      headers: { authorization: `Bearer ${t.tokens.agent}`, 'content-type': 'text/csv' },
    });
    expect(again.json()).toMatchObject({
      created: 0,
      updated: rows.length - out.refused.length,
      cases_opened: 0,
    });
  });

  it('refuses rows it cannot read, naming them, and takes the rest', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reviews/import?source=manual',
      payload:
        'review_id,order_id,review_score,review_creation_date\nr-1,,7,2018-01-01 00:00:00\nr-2,,4,2018-01-02 10:00:00\n',
      headers: { authorization: `Bearer ${t.tokens.owner}`, 'content-type': 'text/csv' },
    });
    expect(res.json()).toMatchObject({
      created: 1,
      linked: 0,
      refused: [{ ref: 'r-1 (row 2)', errors: ['score "7" is not 1 to 5'] }],
    });
    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reviews/import',
      payload: 'x',
      headers: { authorization: `Bearer ${t.tokens.warehouse}`, 'content-type': 'text/csv' },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
