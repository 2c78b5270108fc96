// The portal's cases other than returns: what the customer may still do about their order (cancel
// what has not shipped, change the address, report a parcel late or lost, a damaged or wrong item,
// ask a question), the cases so far, and their answer to an offer the store made. Only the order of
// the portal token; another order's case is "not found", never "forbidden".
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { orderCaseOptions } from '../cases/case-options.ts';
import { acceptOffer, declineOffer } from '../cases/case-steps.ts';
import { caseView } from '../cases/case-view.ts';
import { getCase } from '../cases/cases.queries.ts';
import { createCaseSchema } from '../cases/cases.schemas.ts';
import { createCase } from '../cases/create-case.ts';
import { type EvidenceDeps, receiveEvidence } from '../cases/evidence.ts';
import { listEvents } from '../returns/returns.queries.ts';
import { caseBelongsToOrder } from './portal.queries.ts';
import { portalIdentity } from './portal-auth.ts';
import { portalCaseView } from './portal-case-view.ts';

/** Kinds a customer opens; a dispute comes from the payment provider, never from the portal. */
export const CUSTOMER_CASE_KINDS = [
  'cancellation',
  'address_change',
  'lost_parcel',
  'delivery_delay',
  'item_problem',
  'inquiry',
] as const;

const params = z.object({ id: z.uuid() });
const languageQuery = z.strictObject({ language: z.string().min(2).max(10).optional() });
// The kind is checked here; the rest of the body by the staff API's own schema, on the token's order.
const createBody = z.looseObject({ kind: z.enum(CUSTOMER_CASE_KINDS) });

async function customerCase(trx: Tx, storeId: string, id: string) {
  // a return has its own page and view (/portal/returns/:id)
  if ((await getCase(trx, storeId, id))?.kind === 'return') throw new AppError('not_found', 'Case not found');
  return portalCaseView(await caseView(trx, storeId, id, 'customer'), await listEvents(trx, storeId, id));
}

export function registerPortalCases(app: FastifyInstance, database: Database, evidence: EvidenceDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const publicRoute = { public: true } as const;
  const mine = async (
    request: Parameters<typeof portalIdentity>[1],
    id: string,
    needs: 'full' | 'status',
  ) => {
    const me = await portalIdentity(db, request, needs);
    if (!(await caseBelongsToOrder(db, me.actor.storeId, id, me.orderId)))
      throw new AppError('not_found', 'Case not found');
    return me;
  };

  typed.get(
    '/api/v1/portal/cases',
    {
      schema: {
        tags: ['portal'],
        summary:
          "What can be done about the order besides a return (cancel, new address, parcel late or lost) and the order's cases",
        security: [],
        querystring: languageQuery,
      },
      config: publicRoute,
    },
    async (request) => {
      const me = await portalIdentity(db, request, 'status');
      const options = await orderCaseOptions(
        db,
        me.actor.storeId,
        me.orderId,
        new Date(),
        request.query.language,
      );
      return { ...options, cases: options.cases.filter((c) => c.kind !== 'return') };
    },
  );

  typed.post(
    '/api/v1/portal/cases',
    {
      schema: {
        tags: ['portal'],
        summary:
          'Open a case on the order of the portal token: cancellation, address_change, lost_parcel, delivery_delay, item_problem or inquiry (Idempotency-Key header)',
        security: [],
        body: createBody,
      },
      config: publicRoute,
    },
    async (request, reply) => {
      const me = await portalIdentity(db, request);
      const parsed = createCaseSchema.safeParse({ ...request.body, order_id: me.orderId });
      if (!parsed.success)
        throw new AppError('invalid_request', 'The request does not match the schema', {
          errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      const out = await runIdempotent(
        database,
        me.actor,
        request,
        async (trx) => {
          const id = await createCase(trx, me.actor, parsed.data);
          return { status: 201, body: await customerCase(trx, me.actor.storeId, id) };
        },
        `order:${me.orderId}`,
      );
      return reply.status(out.status).send(out.body);
    },
  );

  typed.get(
    '/api/v1/portal/cases/:id',
    {
      schema: {
        tags: ['portal'],
        summary: "One of the order's cases, with its timeline",
        security: [],
        params,
      },
      config: publicRoute,
    },
    async (request) => {
      const me = await mine(request, request.params.id, 'status');
      return customerCase(db, me.actor.storeId, request.params.id);
    },
  );

  for (const answer of ['accept', 'decline'] as const)
    typed.post(
      `/api/v1/portal/cases/:id/${answer}`,
      {
        schema: {
          tags: ['portal'],
          summary:
            answer === 'accept'
              ? "Accept the store's offer (the case is resolved with it)"
              : "Decline the store's offer (the case goes back to the team), optionally saying why",
          security: [],
          params,
          body: z.strictObject({ message: z.string().trim().max(2000).optional() }).optional(),
        },
        config: publicRoute,
      },
      async (request, reply) => {
        const me = await mine(request, request.params.id, 'full');
        // accepting may pay money out: a repeated click with the same key answers the first result
        const out = await runIdempotent(
          database,
          me.actor,
          request,
          async (trx) => {
            if (answer === 'accept') await acceptOffer(trx, me.actor, request.params.id);
            else await declineOffer(trx, me.actor, request.params.id, request.body?.message || undefined);
            return { status: 200, body: await customerCase(trx, me.actor.storeId, request.params.id) };
          },
          `order:${me.orderId}`,
        );
        return reply.status(out.status).send(out.body);
      },
    );

  typed.post(
    '/api/v1/portal/cases/:id/evidence',
    {
      schema: {
        tags: ['portal'],
        summary: 'Attach photos or a short video to the case (multipart/form-data)',
        security: [],
        params,
        consumes: ['multipart/form-data'],
      },
      config: publicRoute,
    },
    async (request, reply) => {
      const me = await mine(request, request.params.id, 'full');
      const saved = await receiveEvidence(database, evidence, request, me.actor, request.params.id);
      return reply.status(201).send({
        data: saved.map(({ id, filename, content_type, size }) => ({ id, filename, content_type, size })),
      });
    },
  );
}
