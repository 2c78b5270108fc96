import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { assertSource, importReviews, listReviews, readReviewsCsv } from './import-reviews.ts';

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const source = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'letters, digits, - and _');

export const reviewRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/api/v1/reviews/import',
      {
        schema: {
          tags: ['reviews'],
          summary:
            "Import reviews from a CSV (Content-Type: text/csv; Olist's columns review_id, order_id, review_score, review_comment_title, review_comment_message, review_creation_date, or the same without review_). Linked to orders by external id or number; kept once per source and id; a new review of 2 or less opens a case with a drafted reply in the customer's language and a recovery offer",
          querystring: z.strictObject({ source: source.default('csv') }),
          consumes: ['text/csv'],
        },
        config: { permission: 'orders.write' },
      },
      async (request) =>
        importReviews(
          database,
          actorOf(request),
          assertSource(request.query.source),
          readReviewsCsv(String(request.body ?? '')),
        ),
    );

    app.post(
      '/api/v1/reviews',
      {
        schema: {
          tags: ['reviews'],
          summary: "Reviews from a platform's API, as the CSV import takes them",
          body: z.strictObject({
            source,
            reviews: z
              .array(
                z.strictObject({
                  external_id: z.string().min(1).max(200),
                  order_ref: z.string().min(1).max(200).nullable().default(null),
                  score: z.number().int().min(1).max(5),
                  title: z.string().max(500).nullable().default(null),
                  body: z.string().max(10_000).nullable().default(null),
                  reviewed_at: z.iso.datetime({ offset: true }),
                }),
              )
              .min(1)
              .max(1000),
          }),
        },
        config: { permission: 'orders.write' },
      },
      async (request) => importReviews(database, actorOf(request), request.body.source, request.body.reviews),
    );

    app.get(
      '/api/v1/reviews',
      {
        schema: {
          tags: ['reviews'],
          summary: 'Reviews, newest first, with their order, drafted reply, recovery offer and case',
          querystring: z.strictObject({
            max_score: z.coerce.number().int().min(1).max(5).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => ({ data: await listReviews(database.db, actorOf(request).storeId, request.query) }),
    );
  };
