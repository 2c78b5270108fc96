// Disposition by cost and put-away (README: ./README.md): the store's cost tables, the options per
// line of a return, the actual cost of a route once known, and the stock waiting to be put away.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { dispositionCostsSchema } from '../../domain/suppliers/disposition.ts';
import { actorOf } from '../../http/auth.ts';
import { saveCosts } from './disposition.queries.ts';
import { actualCostSchema, lineParams, putAwaySchema } from './disposition.schemas.ts';
import { dispositionOptions, loadCostContext } from './disposition-options.ts';
import { listPutAway, putAway } from './put-away.ts';
import { recordDispositionCost } from './record-disposition-cost.ts';

export const dispositionRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = database;

    app.get(
      '/api/v1/disposition-costs',
      {
        schema: {
          tags: ['disposition'],
          summary: "The store's cost tables for disposition by cost (the defaults when none are set)",
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const ctx = await loadCostContext(db, actorOf(request).storeId, new Date());
        return { tables_set: ctx.tables_set, costs: ctx.tables };
      },
    );

    app.put(
      '/api/v1/disposition-costs',
      {
        schema: {
          tags: ['disposition'],
          summary: 'Replace the cost tables (missing fields take their defaults); owner and finance',
          body: z.unknown(),
        },
        config: { permission: 'disposition.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.transaction().execute(async (trx) => {
          const ctx = await loadCostContext(trx, actor.storeId, new Date());
          const body = request.body;
          if (!body || typeof body !== 'object' || Array.isArray(body))
            throw new AppError('invalid_request', 'The cost tables are a JSON object');
          const parsed = dispositionCostsSchema.safeParse({ currency: ctx.tables.currency, ...body });
          if (!parsed.success)
            throw new AppError('invalid_request', 'The cost tables do not validate', {
              errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
            });
          await saveCosts(trx, actor.storeId, parsed.data);
          return { tables_set: true, costs: parsed.data };
        });
      },
    );

    app.get(
      '/api/v1/returns/:id/disposition-options',
      {
        schema: {
          tags: ['disposition'],
          summary:
            'Per line: every sensible route with its net expected cost, the cheapest first, the recommendation in words; per grade in `by_grade`',
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'read' },
      },
      async (request) => dispositionOptions(db, actorOf(request).storeId, request.params.id),
    );

    app.post(
      '/api/v1/returns/:id/lines/:line_id/disposition-cost',
      {
        schema: {
          tags: ['disposition'],
          summary: 'Record what an inspected line’s route actually cost (owner and finance)',
          params: lineParams,
          body: actualCostSchema,
        },
        config: { permission: 'disposition.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id, line_id } = request.params;
        return db
          .transaction()
          .execute((trx) => recordDispositionCost(trx, actor, id, line_id, request.body));
      },
    );

    app.get(
      '/api/v1/inventory/put-away',
      {
        schema: {
          tags: ['disposition'],
          summary: 'Restocked and refurbished units waiting to be put away, grouped by location',
        },
        config: { permission: 'read' },
      },
      async (request) => listPutAway(db, actorOf(request).storeId),
    );

    app.post(
      '/api/v1/inventory/put-away',
      {
        schema: {
          tags: ['disposition'],
          summary:
            'Mark lines put away (lines already put away or not on the list are reported, not changed)',
          body: putAwaySchema,
        },
        config: { permission: 'returns.inspect' },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.transaction().execute((trx) => putAway(trx, actor, request.body.lines));
      },
    );
  };
