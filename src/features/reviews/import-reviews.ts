// Reviews from the store's platforms, by API or CSV (Olist's review export is the shape tested:
// review_id, order_id, review_score, review_comment_title, review_comment_message,
// review_creation_date). Each is linked to its order (by the order's external id, else its number)
// and kept once per source and id. A review of 2 or less, new here, gets a case for the team with a
// drafted reply in the customer's language and a recovery offer: store credit of a tenth of what
// was paid, held to the agent's goodwill ceiling, so the agent can send it without asking anyone.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { formatMoney, normalizeLanguage } from '../../i18n/index.ts';
import type { Actor } from '../auth/actor.ts';
import { goodwillLimit } from '../cases/case-amounts.ts';
import { loadCaseContext } from '../cases/case-context.ts';
import { createCase } from '../cases/create-case.ts';
import { detectLanguage } from '../inbox/intent/language.ts';
import { fill, phrase } from '../notifications/templates.ts';
import { loadRateTable } from '../rates/rates.queries.ts';

export const LOW_REVIEW = 2;

export interface ReviewInput {
  external_id: string;
  /** the order's id on the platform (its external id here) or its number */
  order_ref: string | null;
  score: number;
  title: string | null;
  body: string | null;
  reviewed_at: string;
}

export interface ReviewImport {
  created: number;
  updated: number;
  linked: number;
  low: number;
  cases_opened: number;
  refused: { ref: string; errors: string[] }[];
}

/** Olist's columns, or the same names without the `review_` prefix. */
export async function* readReviewsCsv(
  input: NodeJS.ReadableStream | string,
): AsyncGenerator<ReviewInput | { ref: string; errors: string[] }> {
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, trim: true });
  if (typeof input === 'string') parser.end(input);
  else input.pipe(parser);
  let row = 1;
  for await (const r of parser as AsyncIterable<Record<string, string>>) {
    row++;
    const pick = (k: string) => r[`review_${k}`] ?? r[k] ?? '';
    const id = pick('id');
    const score = Number(pick('score'));
    const created = pick('creation_date') || pick('created_at');
    const errors = [
      ...(id ? [] : ['review_id is empty']),
      ...(Number.isInteger(score) && score >= 1 && score <= 5
        ? []
        : [`score "${pick('score')}" is not 1 to 5`]),
      ...(created && !Number.isNaN(Date.parse(created.replace(' ', 'T')))
        ? []
        : [`date "${created}" is not a date`]),
    ];
    if (errors.length) {
      yield { ref: `${id || '?'} (row ${row})`, errors };
      continue;
    }
    yield {
      external_id: id,
      order_ref: r.order_id || null,
      score,
      title: pick('comment_title') || pick('title') || null,
      body: pick('comment_message') || pick('message') || pick('body') || null,
      // Olist's dates are São Paulo wall time
      reviewed_at: new Date(
        `${created.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(created) ? '' : '-03:00'}`,
      ).toISOString(),
    };
  }
}

type OrderRow = {
  id: string;
  number: string;
  external_id: string | null;
  customer_language: string | null;
};

/** The orders a batch of reviews names, by external id or number, in one query. */
async function ordersFor(trx: Tx, storeId: string, refs: string[]) {
  const found = new Map<string, OrderRow>();
  if (refs.length === 0) return found;
  const rows = await trx
    .selectFrom('orders')
    .select(['id', 'number', 'external_id', 'customer_language'])
    .where('store_id', '=', storeId)
    .where((eb) => eb.or([eb('external_id', 'in', refs), eb('number', 'in', refs)]))
    .execute();
  for (const o of rows) {
    found.set(o.number, o);
    if (o.external_id) found.set(o.external_id, o); // the external id wins over a number alike
  }
  return found;
}

/** A tenth of what was paid as store credit, held to the agent's goodwill ceiling; null: none allowed. */
async function recoveryOffer(trx: Tx, actor: Actor, orderId: string) {
  const ctx = await loadCaseContext(trx, actor.storeId, orderId);
  const day = new Date().toISOString().slice(0, 10);
  const ceiling = goodwillLimit(
    ctx,
    { ...actor, role: 'agent' },
    await loadRateTable(trx, actor.storeId),
    day,
  );
  const tenth = Math.round(ctx.stored.paid_amount / 10);
  const amount = ceiling === null ? tenth : Math.min(tenth, ceiling);
  return amount > 0 ? { type: 'store_credit' as const, amount, currency: ctx.stored.order.currency } : null;
}

async function saveReview(
  trx: Tx,
  actor: Actor,
  source: string,
  r: ReviewInput,
  order: OrderRow | undefined,
  existing: { id: string } | undefined,
) {
  const text = [r.title, r.body].filter(Boolean).join('\n');
  const language = text
    ? detectLanguage(text, order?.customer_language ?? null)
    : (order?.customer_language ?? null);
  const row = {
    order_id: order?.id ?? null,
    score: r.score,
    title: r.title,
    body: r.body,
    language,
    reviewed_at: r.reviewed_at,
  };
  if (existing) {
    await trx.updateTable('reviews').set(row).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false, linked: !!order, low: r.score <= LOW_REVIEW, opened: false };
  }
  const id = randomUUID();
  let draft: string | null = null;
  let offer: Awaited<ReturnType<typeof recoveryOffer>> = null;
  let caseId: string | null = null;
  if (r.score <= LOW_REVIEW && order) {
    const lang = normalizeLanguage(language ?? order.customer_language);
    offer = await recoveryOffer(trx, actor, order.id);
    draft = offer
      ? fill(phrase(lang, 'review_reply'), {
          order_number: order.number,
          offer: fill(phrase(lang, 'offer.store_credit'), {
            amount: formatMoney(lang, offer.amount, offer.currency),
          }),
        })
      : fill(phrase(lang, 'review_reply_no_offer'), { order_number: order.number });
    caseId = await createCase(
      trx,
      { ...actor, label: `system:review:${source}` },
      {
        kind: 'inquiry',
        order_id: order.id,
        data: {
          subject: `Review ${r.score}/5${r.title ? `: ${r.title}` : ''}`.slice(0, 200),
          message: text || `Rated ${r.score} of 5, without a comment.`,
        },
      },
    );
    await trx
      .updateTable('cases')
      .set({
        priority: 'high',
        data: sql`data || ${JSON.stringify({ source: 'review', review_id: id, score: r.score, language, draft_reply: draft, recovery_offer: offer })}::jsonb`,
      })
      .where('store_id', '=', actor.storeId)
      .where('id', '=', caseId)
      .execute();
  }
  await trx
    .insertInto('reviews')
    .values({
      store_id: actor.storeId,
      id,
      source,
      external_id: r.external_id,
      ...row,
      draft_reply: draft,
      recovery_offer: offer ? JSON.stringify(offer) : null,
      case_id: caseId,
    })
    .execute();
  return { id, created: true, linked: !!order, low: r.score <= LOW_REVIEW, opened: caseId !== null };
}

const BATCH = 200;

/** Reviews in batches of 200, one transaction each, the batch's orders and known reviews read at once. */
export async function importReviews(
  database: Database,
  actor: Actor,
  source: string,
  items: AsyncIterable<ReviewInput | { ref: string; errors: string[] }> | Iterable<ReviewInput>,
): Promise<ReviewImport> {
  const out: ReviewImport = { created: 0, updated: 0, linked: 0, low: 0, cases_opened: 0, refused: [] };
  let batch: ReviewInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    // planned each time, like an order import: the tables grow under it (Database.unpreparedDb)
    await database.unpreparedDb.transaction().execute(async (trx) => {
      const orders = await ordersFor(trx, actor.storeId, [
        ...new Set(current.flatMap((r) => (r.order_ref ? [r.order_ref] : []))),
      ]);
      const known = new Map(
        (
          await trx
            .selectFrom('reviews')
            .select(['id', 'external_id'])
            .where('store_id', '=', actor.storeId)
            .where('source', '=', source)
            .where('external_id', 'in', [...new Set(current.map((r) => r.external_id))])
            .execute()
        ).map((r) => [r.external_id, { id: r.id }]),
      );
      for (const r of current) {
        const order = r.order_ref ? orders.get(r.order_ref) : undefined;
        const res = await saveReview(trx, actor, source, r, order, known.get(r.external_id));
        // the same id twice in one file: the later row updates the first
        known.set(r.external_id, { id: res.id });
        if (res.created) out.created++;
        else out.updated++;
        if (res.linked) out.linked++;
        if (res.low) out.low++;
        if (res.opened) out.cases_opened++;
      }
    });
  };
  for await (const item of items) {
    if ('errors' in item) out.refused.push(item);
    else batch.push(item);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return out;
}

export async function listReviews(
  db: Tx | Database['db'],
  storeId: string,
  q: { max_score?: number | undefined; limit: number },
) {
  let query = db
    .selectFrom('reviews as r')
    .leftJoin('orders as o', 'o.id', 'r.order_id')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.source',
      'r.external_id',
      'r.order_id',
      'o.number as order_number',
      'r.score',
      'r.title',
      'r.body',
      'r.language',
      'r.reviewed_at',
      'r.draft_reply',
      'r.recovery_offer',
      'r.case_id',
      'c.number as case_number',
    ])
    .where('r.store_id', '=', storeId);
  if (q.max_score) query = query.where('r.score', '<=', q.max_score);
  const rows = await query.orderBy('r.reviewed_at', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({ ...r, reviewed_at: r.reviewed_at.toISOString() }));
}

export function assertSource(source: string): string {
  if (!/^[a-z0-9_-]{1,40}$/.test(source))
    throw new AppError(
      'invalid_request',
      'source: letters, digits, - and _ (e.g. olist, trustpilot, shopify)',
    );
  return source;
}
