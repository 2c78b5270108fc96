// Cases other than returns over HTTP (API.md "Cases other than returns"): open, read, list, count,
// the timeline, and each step, answering with the updated case. Money steps take an Idempotency-Key.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { retell } from '../../domain/policy/explain.ts';
import type { Explanation } from '../../domain/policy/types.ts';
import type { Permission } from '../../domain/roles.ts';
import { actorOf } from '../../http/auth.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import { type Actor, userOf } from '../auth/actor.ts';
import { describeActors } from '../auth/actor-names.ts';
import { listEvents } from '../returns/returns.queries.ts';
import { orderCaseOptions } from './case-options.ts';
import {
  acceptOffer,
  convertToReturn,
  declineOffer,
  disputeStep,
  interceptParcel,
  moveCase,
  offerCase,
} from './case-steps.ts';
import { caseView } from './case-view.ts';
import { caseCounts, searchCases } from './cases.queries.ts';
import {
  caseListQuery,
  createCaseSchema,
  disputeStepSchema,
  interceptSchema,
  moveCaseSchema,
  offerSchema,
  resolveCaseSchema,
} from './cases.schemas.ts';
import { createCase } from './create-case.ts';
import { evidencePack } from './evidence-pack.ts';
import { resolveCase } from './resolve-case.ts';
import { submitDisputeEvidence } from './submit-evidence.ts';

const params = z.object({ id: z.uuid() });

export const caseWorkRoutes =
  (database: Database, files: FileStore, box: SecretBox): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/cases',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Open a case: cancellation, address_change, lost_parcel, delivery_delay, item_problem, dispute or inquiry (Idempotency-Key header)',
          description:
            'A cancellation or an address change before shipment is carried out at once (policy `cases.auto_*`); one that comes too late is a 409 `already_shipped`. A lost or late parcel names its fulfillment; one case per parcel.',
          body: createCaseSchema,
        },
        config: { permission: 'cases.create' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const out = await runIdempotent(database, actor, request, async (trx) => {
          const id = await createCase(trx, actor, request.body);
          return { status: 201, body: await caseView(trx, actor.storeId, id, actor.role) };
        });
        return reply.status(out.status).send(out.body);
      },
    );

    app.get(
      '/api/v1/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Cases other than returns (returns with kind=return): the queues per kind',
          description: '`sort=due` orders disputes by their evidence due date; `sla` by the SLA clock.',
          querystring: caseListQuery,
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const actor = actorOf(request);
        const { limit, cursor, sort, assignee, open, ...rest } = request.query;
        const offset = Number(decodeCursor<{ offset: string }>(cursor, ['offset'])?.offset ?? 0);
        const rows = await searchCases(
          database.db,
          actor.storeId,
          {
            ...rest,
            open: open === undefined ? undefined : open === 'true',
            assignee:
              assignee === 'me' ? userOf(actor, 'query.assignee') : assignee === 'none' ? null : assignee,
          },
          { limit: limit + 1, offset, sort },
        );
        return {
          data: rows.slice(0, limit).map((r) => {
            const { explanations: _, ...data } = (r.data ?? {}) as Record<string, unknown>;
            return {
              id: r.id,
              number: r.number,
              kind: r.kind,
              status: r.status,
              order_id: r.order_id,
              order_number: r.order_number,
              destination_country: r.destination_country,
              customer_name: r.customer_name,
              customer_email: r.customer_email,
              sla_due_at: r.sla_due_at?.toISOString() ?? null,
              created_at: r.created_at.toISOString(),
              updated_at: r.updated_at.toISOString(),
              assignee_user_id: r.assignee_user_id,
              data,
            };
          }),
          next_cursor: rows.length > limit ? encodeCursor({ offset: String(offset + limit) }) : null,
        };
      },
    );

    app.get(
      '/api/v1/cases/counts',
      {
        schema: { tags: ['cases'], summary: 'Open and overdue cases per kind' },
        config: { permission: 'read' },
      },
      async (request) => ({ by_kind: await caseCounts(database.db, actorOf(request).storeId) }),
    );

    app.get(
      '/api/v1/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'One case, with what your role may do next (`allowed`)',
          description:
            "With `language` (and `time_zone`), its explanations are told again in that language for staff; without, in the customer's.",
          params,
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
        const actor = actorOf(request);
        const view = await caseView(database.db, actor.storeId, request.params.id, actor.role);
        const { language, time_zone } = request.query;
        if (!language) return view;
        return {
          ...view,
          explanations: (view.explanations as Explanation[]).map((e) =>
            retell(e, { language, currency: view.currency, timeZone: time_zone ?? 'UTC' }),
          ),
        };
      },
    );

    app.get(
      '/api/v1/cases/:id/events',
      {
        schema: { tags: ['cases'], summary: "A case's timeline (any kind, returns too)", params },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const exists = await database.db
          .selectFrom('cases')
          .select('id')
          .where('store_id', '=', storeId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!exists) throw new AppError('not_found', 'Case not found');
        const events = await listEvents(database.db, storeId, request.params.id);
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
      '/api/v1/cases/:id/evidence-pack.pdf',
      {
        schema: {
          tags: ['cases'],
          summary:
            "A dispute's evidence pack (PDF): the order, fulfilment and tracking, delivery proof, refunds, the customer's messages, the policy shown at checkout, the timeline and the photos",
          params,
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const pack = await evidencePack(database.db, files, storeId, request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="evidence-${pack.number}.pdf"`)
          .send(pack.pdf);
      },
    );

    app.post(
      '/api/v1/cases/:id/dispute/submit-evidence',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Answer a Stripe dispute: the evidence (customer, product, carrier, tracking, policy, correspondence) is sent to Stripe and submitted; the case moves to submitted',
          params,
        },
        config: { permission: 'cases.resolve' },
      },
      async (request) => {
        const actor = actorOf(request);
        await submitDisputeEvidence(database, files, box, actor, request.params.id);
        return caseView(database.db, actor.storeId, request.params.id, actor.role);
      },
    );

    app.get(
      '/api/v1/orders/:id/case-options',
      {
        schema: {
          tags: ['cases'],
          summary:
            'What can be done about an order besides a return: what can still be cancelled, whether the address can change, each parcel against its late and lost thresholds, and its cases',
          params,
        },
        config: { permission: 'read' },
      },
      async (request) => orderCaseOptions(database.db, actorOf(request).storeId, request.params.id),
    );

    const step = <S extends z.ZodType>(
      name: string,
      summary: string,
      permission: Permission,
      body: S,
      run: (trx: Tx, actor: Actor, id: string, body: z.output<S>) => Promise<unknown>,
    ) =>
      app.post(
        `/api/v1/cases/:id/${name}`,
        {
          schema: { tags: ['cases'], summary, params, body },
          config: { permission },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          const id = (request.params as { id: string }).id;
          const out = await runIdempotent(database, actor, request, async (trx) => {
            const extra = await run(trx, actor, id, request.body as z.output<S>);
            const view = await caseView(trx, actor.storeId, id, actor.role);
            return { status: 200, body: extra && typeof extra === 'object' ? { ...view, ...extra } : view };
          });
          return reply.status(out.status).send(out.body);
        },
      );

    step(
      'resolve',
      'Resolve the case: refund (optionally `amount`), reship, store_credit (`amount`), update_address or none (`message`); final (Idempotency-Key header)',
      'cases.resolve',
      resolveCaseSchema,
      (trx, a, id, b) => resolveCase(trx, a, id, b.resolution),
    );
    step(
      'move',
      'Wait on the customer or the carrier, or take the case back up (`to`)',
      'cases.resolve',
      moveCaseSchema,
      (trx, a, id, b) => moveCase(trx, a, id, b),
    );
    step(
      'offer',
      'Offer the customer a resolution (a partial refund, a reship, store credit); they accept or decline in the portal',
      'cases.resolve',
      offerSchema,
      (trx, a, id, b) =>
        offerCase(trx, a, id, {
          resolution: { goodwill: false, ...b.resolution } as never,
          message: b.message,
        }),
    );
    step(
      'accept',
      "Record the customer's acceptance of the offer (Idempotency-Key header)",
      'cases.resolve',
      z.strictObject({}).default({}),
      (trx, a, id) => acceptOffer(trx, a, id),
    );
    step(
      'decline',
      'Record that the customer declined the offer',
      'cases.resolve',
      z.strictObject({ message: z.string().max(2000).optional() }).default({}),
      (trx, a, id, b) => declineOffer(trx, a, id, b.message),
    );
    step(
      'intercept',
      'An address change after shipment: the request to the carrier to intercept the parcel, and its outcome',
      'cases.resolve',
      interceptSchema,
      (trx, a, id, b) => interceptParcel(trx, a, id, b),
    );
    step(
      'dispute',
      'A dispute: evidence submitted to the provider, then won or lost (a lost dispute is recorded as a chargeback)',
      'cases.resolve',
      disputeStepSchema,
      (trx, a, id, b) => disputeStep(trx, a, id, b),
    );
    step(
      'return',
      'An item problem where the store wants the item back: opens a return for its lines and closes the case',
      'returns.create',
      z.strictObject({}).default({}),
      async (trx, a, id) => ({ return_id: await convertToReturn(trx, a, id) }),
    );
  };
