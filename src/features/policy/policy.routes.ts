import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { policySchema } from '../../domain/policy/policy.schema.ts';
import { REASON_CODES } from '../../domain/reasons.ts';
import { actorOf } from '../../http/auth.ts';
import { findOrderIds } from '../orders/orders.queries.ts';
import { checkEligibility } from '../returns/check-eligibility.ts';
import { currencyCheck } from './currency-check.ts';
import { currentPolicy, type PolicyVersion, policyVersions } from './policy.queries.ts';
import { updatePolicy } from './update-policy.ts';

// GET answers the document itself (what PUT takes) with its version and who saved it beside the
// fields, so a client can read a policy, change a field and PUT it back.
const view = (p: PolicyVersion) => ({
  version: p.version,
  created_by: p.created_by,
  created_at: p.created_at.toISOString(),
  ...p.document,
});

const warnSkipped = (request: FastifyRequest, p: PolicyVersion) => {
  if (p.skipped.length)
    request.log.warn({ version: p.version, skipped: p.skipped }, 'stored policy version read without parts');
};

const putBody = policySchema.extend({
  /** the version this edit starts from; when a newer one was saved meanwhile the PUT answers 409 */
  version: z.number().int().min(1).optional(),
  /** read-only: accepted (so what GET answered can be PUT back) and ignored */
  created_by: z.string().max(200).optional(),
  created_at: z.string().max(40).optional(),
});

export const policyRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/policy',
      { schema: { tags: ['policy'], summary: 'The current return policy' }, config: { permission: 'read' } },
      async (request) => {
        const p = await currentPolicy(database.db, actorOf(request).storeId);
        if (!p) throw new AppError('not_found', 'The store has no policy yet');
        warnSkipped(request, p);
        return view(p);
      },
    );

    app.put(
      '/api/v1/policy',
      {
        schema: { tags: ['policy'], summary: 'Save a new version of the return policy', body: putBody },
        config: { permission: 'policy.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        const { version: base, created_by: _by, created_at: _at, ...document } = request.body;
        const saved = await database.db
          .transaction()
          .execute((trx) => updatePolicy(trx, actor, document, base));
        return view(saved);
      },
    );

    app.post(
      '/api/v1/policy/preview',
      {
        schema: {
          tags: ['policy'],
          summary: 'What a draft policy would decide for a real order (saves nothing)',
          body: z
            .strictObject({
              policy: policySchema,
              order_number: z.string().min(1).max(100).optional(),
              order_id: z.uuid().optional(),
              reason: z.enum(REASON_CODES).default('changed_mind'),
              language: z.string().min(2).max(10).optional(),
              at: z.iso.datetime({ offset: true }).optional(),
            })
            .refine((b) => b.order_id || b.order_number, {
              message: 'name the order by order_number or order_id',
              path: ['order_number'],
            }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const body = request.body;
        const orderId =
          body.order_id ??
          (await findOrderIds(database.db, storeId, { number: body.order_number }, { limit: 1 }))[0];
        if (!orderId) throw new AppError('not_found', `No order ${body.order_number}`);
        return checkEligibility(
          database.db,
          storeId,
          orderId,
          { reason: body.reason, method: 'label', language: body.language, at: body.at },
          new Date(),
          body.policy,
        );
      },
    );

    app.get(
      '/api/v1/policy/currency-check',
      {
        schema: {
          tags: ['policy'],
          summary:
            "Per currency the store sells in, the policy's amounts with neither an amount of their own nor an exchange rate (they would not apply)",
          response: {
            200: z.object({
              policy_currency: z.string(),
              currencies: z.array(z.string()),
              unpriced: z.array(z.object({ currency: z.string(), fields: z.array(z.string()) })),
            }),
          },
        },
        config: { permission: 'read' },
      },
      async (request) => currencyCheck(database.db, actorOf(request).storeId),
    );

    app.get(
      '/api/v1/policy/versions',
      {
        schema: { tags: ['policy'], summary: 'Every saved version, newest first' },
        config: { permission: 'read' },
      },
      async (request) => {
        const versions = await policyVersions(database.db, actorOf(request).storeId);
        for (const p of versions) warnSkipped(request, p);
        return { data: versions.map(view) };
      },
    );
  };
