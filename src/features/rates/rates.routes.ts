// The store's exchange rates (README of this area: ./README.md).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { currencyCodeSchema } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { readRatesCsv } from './import-rates-csv.ts';
import { deleteRate, listRates, upsertRates } from './rates.queries.ts';
import { rateInputSchema, rateViewSchema } from './rates.schemas.ts';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export const rateRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    // a CSV body reaches the import route as text; only in this plugin's scope
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/api/v1/exchange-rates',
      {
        schema: {
          tags: ['exchange rates'],
          summary: "The store's exchange rates, newest first; with `day`, those in force that day",
          querystring: z.strictObject({ day: z.iso.date().optional() }),
          response: { 200: z.object({ data: z.array(rateViewSchema) }) },
        },
        config: { permission: 'read' },
      },
      async (request) => ({ data: await listRates(database.db, actorOf(request).storeId, request.query) }),
    );

    app.put(
      '/api/v1/exchange-rates',
      {
        schema: {
          tags: ['exchange rates'],
          summary: 'Save rates (1 base = rate quote, per day); a pair and day already saved is replaced',
          body: z.strictObject({ rates: z.array(rateInputSchema).min(1).max(5000) }),
          response: { 200: z.object({ saved: z.number().int() }) },
        },
        config: { permission: 'rates.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        await database.db
          .transaction()
          .execute((trx) => upsertRates(trx, actor.storeId, request.body.rates, actor.label));
        return { saved: request.body.rates.length };
      },
    );

    app.post(
      '/api/v1/exchange-rates/import',
      {
        schema: {
          tags: ['exchange rates'],
          summary: 'Import rates from CSV (columns day,base,quote,rate); bad rows come back with their line',
          consumes: ['text/csv'],
          body: z.string().max(MAX_CSV_BYTES),
          response: {
            200: z.object({
              saved: z.number().int(),
              refused: z.array(z.object({ line: z.number().int(), errors: z.array(z.string()) })),
            }),
          },
        },
        config: { permission: 'rates.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        const csv = readRatesCsv(request.body);
        if (csv.rates.length === 0 && csv.refused.length === 0)
          throw new AppError('invalid_request', 'The CSV has no rows');
        await database.db
          .transaction()
          .execute((trx) => upsertRates(trx, actor.storeId, csv.rates, actor.label));
        return { saved: csv.rates.length, refused: csv.refused };
      },
    );

    app.delete(
      '/api/v1/exchange-rates/:base/:quote/:day',
      {
        schema: {
          tags: ['exchange rates'],
          summary: 'Remove one rate',
          params: z.strictObject({ base: currencyCodeSchema, quote: currencyCodeSchema, day: z.iso.date() }),
        },
        config: { permission: 'rates.write' },
      },
      async (request, reply) => {
        const found = await deleteRate(database.db, actorOf(request).storeId, request.params);
        if (!found) throw new AppError('not_found', 'No such rate');
        return reply.status(204).send();
      },
    );
  };
