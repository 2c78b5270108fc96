// The customer portal's API: find the order, see what can come back and why, request a return with
// photos, follow it, withdraw (EU). Public routes: the signed portal token is the credential.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { bySize } from '../../domain/sizes.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { normalizeLanguage, t } from '../../i18n/index.ts';
import { guarded, lookupTarget } from '../auth/guess-limit.ts';
import type { EvidenceDeps } from '../cases/evidence.ts';
import { productImages } from '../catalog/catalog.queries.ts';
import { pricedVariants } from '../catalog/priced-variants.ts';
import { loadOrder } from '../orders/load-order.ts';
import { currentPolicy } from '../policy/policy.queries.ts';
import { checkEligibility } from '../returns/check-eligibility.ts';
import { requestReturn } from '../returns/request-return.ts';
import { searchReturns } from '../returns/return-search.queries.ts';
import { returnViews, viewReturnById } from '../returns/return-view.ts';
import { type getReturn, listEvents } from '../returns/returns.queries.ts';
import { createReturnSchema, eligibilitySchema } from '../returns/returns.schemas.ts';
import { findStoreBySlug, portalSecret, storeBranding } from '../stores/stores.queries.ts';
import {
  caseBelongsToOrder,
  findPortalOrder,
  nextPortalGeneration,
  refundsPaidAt,
} from './portal.queries.ts';
import { portalIdentity } from './portal-auth.ts';
import { registerPortalCases } from './portal-cases.routes.ts';
import { registerPortalFiles } from './portal-files.routes.ts';
import { signPortalToken } from './portal-token.ts';
import { portalOrderView, portalReturnView } from './portal-view.ts';
import { declareWithdrawal } from './withdraw.ts';

const lookupSchema = z
  .strictObject({
    order_number: z.string().trim().min(1).max(100),
    email: z.string().trim().min(3).max(320).optional(),
    postal_code: z.string().trim().min(2).max(20).optional(),
    language: z.string().min(2).max(10).optional(),
  })
  .refine((b) => b.email || b.postal_code, {
    message: 'give the email address or the postal code',
    path: ['email'],
  });

const lookupAnswer = z.object({
  /** opens everything for this order for 72 hours: requests, photos, withdrawal */
  token: z.string(),
  expires_at: z.string(),
  /** follows the order and its returns only, for 60 days; a new lookup renews (and revokes) both */
  status_token: z.string(),
  status_expires_at: z.string(),
  store: z.object({ name: z.string(), slug: z.string() }),
});

const publicRoute = { public: true } as const;

export const portalRoutes =
  (database: Database, portalUrl: string, evidence: EvidenceDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;

    app.get(
      '/api/v1/portal/stores/:store',
      {
        schema: {
          tags: ['portal'],
          summary: "The store's public face: its name and the return methods it offers",
          security: [],
          params: z.object({ store: z.string().max(100) }),
        },
        config: publicRoute,
      },
      async (request) => {
        const store = await findStoreBySlug(db, request.params.store);
        if (!store) throw new AppError('not_found', 'No such store');
        const policy = await currentPolicy(db, store.id);
        return {
          name: store.name,
          slug: store.slug,
          languages: store.languages,
          return_methods: policy?.document.return_methods ?? [],
          ...(await storeBranding(db, store.id)),
        };
      },
    );

    app.post(
      '/api/v1/portal/stores/:store/lookup',
      {
        schema: {
          tags: ['portal'],
          summary: 'Find an order by its number and the email or postal code; answers with a portal token',
          security: [],
          params: z.object({ store: z.string().max(100) }),
          body: lookupSchema,
          response: { 200: lookupAnswer },
        },
        config: { ...publicRoute, rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request) => {
        const store = await findStoreBySlug(db, request.params.store);
        // The same answer whichever part was wrong, so the form cannot be used to probe orders.
        const refuse = () =>
          new AppError('not_found', t(request.body.language ?? 'en', 'portal.lookup_failed'));
        if (!store) throw refuse();
        // Guesses at one order's email or postal code are limited whatever address they come from.
        const found = await guarded(db, lookupTarget(store.id, request.body.order_number), async () => {
          const order = await findPortalOrder(db, store.id, request.body.order_number, request.body);
          if (!order) throw refuse();
          return order;
        });
        const secret = await portalSecret(db, store.id);
        if (!secret) throw new AppError('internal', 'The store has no portal key');
        // A fresh lookup revokes the order's older links, and hands out both kinds anew.
        const generation = await nextPortalGeneration(db, store.id, found.id);
        if (generation === undefined) throw refuse();
        const claims = { store_id: store.id, order_id: found.id, email: found.email, generation };
        const full = await signPortalToken({ ...claims, scope: 'full' }, secret);
        const status = await signPortalToken({ ...claims, scope: 'status' }, secret);
        return {
          ...full,
          status_token: status.token,
          status_expires_at: status.expires_at,
          store: { name: store.name, slug: store.slug },
        };
      },
    );

    app.get(
      '/api/v1/portal/order',
      {
        schema: {
          tags: ['portal'],
          summary: 'The order, what each line may do, and its returns',
          security: [],
          querystring: z.strictObject({ language: z.string().min(2).max(10).optional() }),
        },
        config: publicRoute,
      },
      async (request) => {
        const me = await portalIdentity(db, request, 'status');
        const stored = await loadOrder(db, me.actor.storeId, me.orderId);
        if (!stored) throw new AppError('not_found', 'Order not found');
        const eligibility = await checkEligibility(db, me.actor.storeId, me.orderId, {
          reason: 'changed_mind',
          method: 'label',
          language: request.query.language,
        });
        const rows = await searchReturns(
          db,
          me.actor.storeId,
          { order_id: me.orderId },
          { limit: 100, offset: 0, sort: 'newest' },
        );
        const views = await returnViews(db, me.actor.storeId, rows);
        const paidAt = await refundsPaidAt(
          db,
          me.actor.storeId,
          views.map((v) => v.id),
        );
        const policy = await currentPolicy(db, me.actor.storeId);
        const language = normalizeLanguage(request.query.language ?? stored.order.customer.language);
        // The store's own reasons, offered beside the standard ones, in the customer's language.
        const custom_reasons = (policy?.document.custom_reasons ?? []).map((r) => ({
          code: r.code,
          maps_to: r.maps_to,
          label: r.label[language] ?? r.label.en ?? r.code,
        }));
        return {
          order: portalOrderView(
            stored,
            await productImages(
              db,
              me.actor.storeId,
              stored.order.lines.map((l) => l.sku),
            ),
          ),
          eligibility,
          custom_reasons,
          returns: views.map((v) => portalReturnView(v, [], paidAt)),
        };
      },
    );

    app.post(
      '/api/v1/portal/eligibility',
      {
        schema: {
          tags: ['portal'],
          summary: 'Preview the decision for a choice of lines, reason and resolution',
          security: [],
          body: eligibilitySchema.default({ reason: 'changed_mind', method: 'label' }),
        },
        config: publicRoute,
      },
      async (request) => {
        const me = await portalIdentity(db, request);
        return checkEligibility(db, me.actor.storeId, me.orderId, request.body);
      },
    );

    app.post(
      '/api/v1/portal/returns',
      {
        schema: {
          tags: ['portal'],
          summary: 'Request a return for the order of the portal token (Idempotency-Key header)',
          security: [],
          body: createReturnSchema.omit({ order_id: true }),
        },
        config: publicRoute,
      },
      async (request, reply) => {
        const me = await portalIdentity(db, request);
        const out = await runIdempotent(
          database,
          me.actor,
          request,
          async (trx) => {
            const id = await requestReturn(trx, me.actor, { ...request.body, order_id: me.orderId });
            return { status: 201, body: await customerReturn(trx, me.actor.storeId, id) };
          },
          `order:${me.orderId}`,
        );
        return reply.status(out.status).send(out.body);
      },
    );

    app.get(
      '/api/v1/portal/returns/:id',
      {
        schema: {
          tags: ['portal'],
          summary: "One of the order's returns, with its timeline",
          security: [],
          params: z.object({ id: z.uuid() }),
        },
        config: publicRoute,
      },
      async (request) => {
        const me = await portalIdentity(db, request, 'status');
        if (!(await caseBelongsToOrder(db, me.actor.storeId, request.params.id, me.orderId)))
          throw new AppError('not_found', 'Return not found');
        return customerReturn(db, me.actor.storeId, request.params.id);
      },
    );

    app.get(
      '/api/v1/portal/variants',
      {
        schema: {
          tags: ['portal'],
          summary: 'Variants an ordered line may be exchanged for, priced in the order currency',
          security: [],
          querystring: z.strictObject({ line_id: z.string().min(1).max(100) }),
        },
        config: publicRoute,
      },
      async (request) => {
        const me = await portalIdentity(db, request);
        const stored = await loadOrder(db, me.actor.storeId, me.orderId);
        const line = stored?.order.lines.find((l) => l.id === request.query.line_id);
        if (!stored || !line) throw new AppError('not_found', 'No such line in this order');
        const variants = await pricedVariants(db, me.actor.storeId, stored.order, line);
        // in the order a shopper reads sizes (S, M, L, XL), not the SKUs' alphabet
        return { line_id: line.id, sku: line.sku, variants: bySize(variants) };
      },
    );

    app.post(
      '/api/v1/portal/withdrawal',
      {
        schema: {
          tags: ['portal'],
          summary:
            'EU/EEA/UK: declare withdrawal from the contract (art. 11a); answers with the acknowledgement',
          security: [],
          body: z.strictObject({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(254),
            lines: z
              .array(
                z.strictObject({
                  line_id: z.string().min(1).max(100),
                  quantity: z.number().int().positive(),
                }),
              )
              .min(1)
              .optional(),
            confirm: z.literal(true, { message: 'confirm the withdrawal in a second step' }),
            language: z.string().min(2).max(10).optional(),
          }),
        },
        config: publicRoute,
      },
      async (request, reply) => {
        const me = await portalIdentity(db, request);
        const out = await runIdempotent(
          database,
          me.actor,
          request,
          async (trx) => {
            const w = await declareWithdrawal(trx, me.actor, me.orderId, request.body);
            return {
              status: 201,
              body: { withdrawal: w, return: await customerReturn(trx, me.actor.storeId, w.case_id) },
            };
          },
          `order:${me.orderId}`,
        );
        return reply.status(out.status).send(out.body);
      },
    );

    registerPortalFiles(app, database, portalUrl, evidence);
    registerPortalCases(app, database, evidence);
  };

async function customerReturn(trx: Parameters<typeof getReturn>[0], storeId: string, id: string) {
  const view = await viewReturnById(trx, storeId, id);
  if (!view) throw new AppError('not_found', 'Return not found');
  return portalReturnView(view, await listEvents(trx, storeId, id), await refundsPaidAt(trx, storeId, [id]));
}
