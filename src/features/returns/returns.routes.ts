import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Permission } from '../../domain/roles.ts';
import { actorOf } from '../../http/auth.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import type { Carrier } from '../../integrations/carriers/carrier.ts';
import { type Actor, userOf } from '../auth/actor.ts';
import { describeActors } from '../auth/actor-names.ts';
import { checkEligibility } from './check-eligibility.ts';
import { inspectReturn } from './inspect-return.ts';
import { issueLabel, labelPdf, type StoreCarrier, voidReturnLabel } from './issue-label.ts';
import { receiveReturn, shipReturn } from './receive-return.ts';
import { rejectTemplates } from './reply-templates.ts';
import { requestReturn } from './request-return.ts';
import { resolveReturn } from './resolve-return.ts';
import { queueCounts, searchReturns } from './return-search.queries.ts';
import { retoldView, returnViews, viewReturnById } from './return-view.ts';
import { getReturn, listEvents } from './returns.queries.ts';
import {
  createReturnSchema,
  eligibilitySchema,
  emptySchema,
  inspectSchema,
  receiveSchema,
  rejectSchema,
  resolveSchema,
  returnListQuery,
  shipSchema,
} from './returns.schemas.ts';
import { approveReturn, cancelReturn, rejectReturn } from './review-return.ts';

const idParams = z.object({ id: z.uuid() });

export async function viewReturn(trx: Tx, storeId: string, id: string) {
  const view = await viewReturnById(trx, storeId, id);
  if (!view) throw new AppError('not_found', 'Return not found');
  return view;
}

export interface ReturnRouteDeps {
  database: Database;
  portalUrl: string;
  carrier?: Carrier;
  carrierFor?: StoreCarrier;
}

export const returnRoutes =
  (deps: ReturnRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { database } = deps;

    app.post(
      '/api/v1/orders/:id/eligibility',
      {
        schema: {
          tags: ['returns'],
          summary: 'What the policy decides for returning lines of this order (writes nothing)',
          params: idParams,
          body: eligibilitySchema.default({ reason: 'changed_mind', method: 'label' }),
        },
        config: { permission: 'read' },
      },
      async (request) =>
        checkEligibility(database.db, actorOf(request).storeId, request.params.id, request.body),
    );

    app.post(
      '/api/v1/returns',
      {
        schema: {
          tags: ['returns'],
          summary: 'Request a return (Idempotency-Key header)',
          body: createReturnSchema,
        },
        config: { permission: 'returns.create' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const out = await runIdempotent(database, actor, request, async (trx) => {
          const id = await requestReturn(trx, actor, request.body);
          return { status: 201, body: await viewReturn(trx, actor.storeId, id) };
        });
        return reply.status(out.status).send(out.body);
      },
    );

    app.get(
      '/api/v1/returns/:id',
      {
        schema: {
          tags: ['returns'],
          summary: 'One return',
          description:
            "With `language` (and `time_zone`), every explanation is told again in that language for staff; without, in the customer's.",
          params: idParams,
          querystring: z.strictObject({
            language: z.string().min(2).max(20).optional(),
            time_zone: z
              .string()
              .max(64)
              .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone')
              .optional(),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const view = await viewReturn(database.db, actorOf(request).storeId, request.params.id);
        const { language, time_zone } = request.query;
        return language && view ? retoldView(view, language, time_zone ?? 'UTC') : view;
      },
    );

    app.get(
      '/api/v1/returns',
      {
        schema: {
          tags: ['returns'],
          summary: 'Returns: the queues and the search box',
          querystring: returnListQuery,
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const actor = actorOf(request);
        const { storeId } = actor;
        const { limit, cursor, sort, assignee, ...rest } = request.query;
        const filter = {
          ...rest,
          assignee:
            assignee === 'me' ? userOf(actor, 'query.assignee') : assignee === 'none' ? null : assignee,
        };
        const offset = decodeCursor<{ offset: string }>(cursor, ['offset'])?.offset;
        const start = offset ? Number(offset) : 0;
        const rows = await searchReturns(database.db, storeId, filter, {
          limit: limit + 1,
          offset: start,
          sort,
        });
        const page = rows.slice(0, limit);
        return {
          data: await returnViews(database.db, storeId, page),
          next_cursor: rows.length > limit ? encodeCursor({ offset: String(start + limit) }) : null,
        };
      },
    );

    app.get(
      '/api/v1/returns/counts',
      {
        schema: { tags: ['returns'], summary: 'How many returns wait in each console queue' },
        config: { permission: 'read' },
      },
      async (request) => queueCounts(database.db, actorOf(request).storeId),
    );

    app.get(
      '/api/v1/reply-templates',
      {
        schema: {
          tags: ['returns'],
          summary: "Reply templates for decisions, in the customer's language",
          querystring: z.strictObject({ language: z.string().min(2).max(10).default('en') }),
        },
        config: { permission: 'read' },
      },
      async (request) => rejectTemplates(request.query.language),
    );

    app.get(
      '/api/v1/returns/:id/events',
      {
        schema: { tags: ['returns'], summary: "The return's timeline", params: idParams },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const row = await getReturn(database.db, storeId, request.params.id);
        if (!row) throw new AppError('not_found', 'Return not found');
        const events = await listEvents(database.db, storeId, row.id);
        const actors = await describeActors(
          database.db,
          storeId,
          events.map((e) => e.actor),
        );
        return {
          data: events.map((e) => ({
            ...e,
            actor_view: actors.get(e.actor) ?? null,
            at: e.at.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/api/v1/returns/:id/label.pdf',
      {
        schema: { tags: ['returns'], summary: 'The return label and packing slip (PDF)', params: idParams },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const row = await getReturn(database.db, storeId, request.params.id);
        if (!row) throw new AppError('not_found', 'Return not found');
        const pdf = await labelPdf(database.db, storeId, row, deps.portalUrl);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${row.number}.pdf"`)
          .send(pdf);
      },
    );

    const step = <S extends z.ZodType>(
      name: string,
      summary: string,
      permission: Permission,
      body: S,
      run: (trx: Tx, actor: Actor, id: string, input: z.output<S>) => Promise<void>,
    ) =>
      app.post(
        `/api/v1/returns/:id/${name}`,
        {
          schema: { tags: ['returns'], summary, params: idParams, body: body.default({} as never) },
          config: { permission },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          const id = (request.params as { id: string }).id;
          const out = await runIdempotent(database, actor, request, async (trx) => {
            await run(trx, actor, id, request.body as z.output<S>);
            return { status: 200, body: await viewReturn(trx, actor.storeId, id) };
          });
          return reply.status(out.status).send(out.body);
        },
      );

    step('approve', 'Approve a requested return', 'returns.review', emptySchema, (trx, a, id) =>
      approveReturn(trx, a, id),
    );
    step(
      'reject',
      'Reject a requested return, with a reason and a reply',
      'returns.review',
      rejectSchema,
      (trx, a, id, b) => rejectReturn(trx, a, id, b),
    );
    step(
      'cancel',
      'Cancel a return that has not left the customer',
      'returns.cancel',
      emptySchema,
      (trx, a, id) => cancelReturn(trx, a, id),
    );
    app.post(
      '/api/v1/returns/:id/label/void',
      {
        schema: {
          tags: ['returns'],
          summary:
            'Void an unused carrier label (EasyPost refunds the postage); a new one can then be issued',
          params: idParams,
        },
        config: { permission: 'returns.label' },
      },
      async (request) => {
        const actor = actorOf(request);
        const id = request.params.id;
        return database.db.transaction().execute(async (trx) => {
          await voidReturnLabel(trx, actor, id, deps.carrierFor);
          return viewReturn(trx, actor.storeId, id);
        });
      },
    );
    step(
      'label',
      'Issue the return label (Idempotency-Key header)',
      'returns.label',
      emptySchema,
      (trx, a, id) =>
        issueLabel(trx, a, id, {
          carrier: deps.carrier,
          carrierFor: deps.carrierFor,
          portalUrl: deps.portalUrl,
        }),
    );
    step('ship', 'Mark the parcel as on its way back', 'returns.label', shipSchema, (trx, a, id, b) =>
      shipReturn(trx, a, id, b),
    );
    step(
      'receive',
      'Record received units per line (partial receipts allowed)',
      'returns.receive',
      receiveSchema,
      (trx, a, id, b) => receiveReturn(trx, a, id, b),
    );
    step(
      'inspect',
      'Grade, checklist, disposition and deduction per received line',
      'returns.inspect',
      inspectSchema,
      (trx, a, id, b) => inspectReturn(trx, a, id, b),
    );
    step(
      'resolve',
      'Pay out (refund, store credit, exchange) and complete (Idempotency-Key header); `resolution` pays out otherwise than the customer asked',
      'returns.resolve',
      resolveSchema,
      (trx, a, id, b) => resolveReturn(trx, a, id, b),
    );
  };
