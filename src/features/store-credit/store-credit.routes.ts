// Store credit over HTTP: issue a code, read it, spend it at the store's checkout (Idempotency-Key),
// void it, put a redemption back, and a customer's credit with its codes and ledger.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { currencyCodeSchema } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotencyKeyOf, runIdempotent } from '../../http/idempotency.ts';
import { customerExists } from '../refunds/refunds.queries.ts';
import {
  codeView,
  customerCredit,
  grantStoreCredit,
  redeemCredit,
  reverseRedemption,
  voidCredit,
} from './store-credit.ts';

const minor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const codeParams = z.object({ code: z.string().min(6).max(40) });

export const storeCreditRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/store-credit/codes',
      {
        schema: {
          tags: ['store-credit'],
          summary: 'Issue store credit to a customer as a code (Idempotency-Key header)',
          body: z
            .strictObject({
              customer_id: z.uuid().optional(),
              email: z.email().max(254).optional(),
              amount: minor,
              currency: currencyCodeSchema,
              expires_at: z.iso.datetime({ offset: true }).optional(),
              note: z.string().trim().max(500).default(''),
            })
            .refine((b) => (b.customer_id === undefined) !== (b.email === undefined), {
              message: 'give either customer_id or email',
            }),
        },
        config: { permission: 'credit.issue' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const b = request.body;
        const out = await runIdempotent(database, actor, request, async (trx) => {
          const customer = await trx
            .selectFrom('customers')
            .select('id')
            .where('store_id', '=', actor.storeId)
            .where(b.customer_id ? 'id' : 'email', '=', (b.customer_id ?? b.email?.toLowerCase()) as string)
            .executeTakeFirst();
          if (!customer) throw new AppError('not_found', 'Customer not found');
          const { code } = await grantStoreCredit(trx, {
            storeId: actor.storeId,
            customerId: customer.id,
            amount: b.amount,
            currency: b.currency,
            caseId: null,
            note: b.note || `Issued by ${actor.label}`,
            expiresAt: b.expires_at ? new Date(b.expires_at) : null,
          });
          return { status: 201, body: await codeView(trx, actor.storeId, code) };
        });
        return reply.status(out.status).send(out.body);
      },
    );

    app.get(
      '/api/v1/store-credit/codes/:code',
      {
        schema: {
          tags: ['store-credit'],
          summary: 'A credit code: balance, status and its ledger',
          params: codeParams,
        },
        config: { permission: 'read' },
      },
      async (request) => codeView(database.db, actorOf(request).storeId, request.params.code),
    );

    app.post(
      '/api/v1/store-credit/redeem',
      {
        schema: {
          tags: ['store-credit'],
          summary:
            "Spend credit at the store's checkout (Idempotency-Key header): never more than the code holds",
          body: z.strictObject({
            code: z.string().min(6).max(40),
            amount: minor,
            currency: currencyCodeSchema,
            /** the checkout's order or cart, to find the redemption again */
            reference: z.string().min(1).max(200),
          }),
        },
        config: { permission: 'credit.redeem' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        // spending money: a checkout that sends it twice must not spend it twice
        const key = idempotencyKeyOf(request);
        if (!key)
          throw new AppError('idempotency_key_required', 'Send an Idempotency-Key with every redemption', {
            errors: [{ path: 'headers.idempotency-key', message: 'required' }],
          });
        const out = await runIdempotent(database, actor, request, async (trx) => ({
          status: 201,
          body: await redeemCredit(trx, actor.storeId, {
            ...request.body,
            idempotencyKey: key ? `redeem:${key}` : null,
          }),
        }));
        return reply.status(out.status).send(out.body);
      },
    );

    app.post(
      '/api/v1/store-credit/codes/:code/void',
      {
        schema: {
          tags: ['store-credit'],
          summary: 'Void a credit code: what it still holds is taken off',
          params: codeParams,
          body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
        },
        config: { permission: 'credit.void' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        return database.db.transaction().execute(async (trx) => {
          await voidCredit(trx, storeId, request.params.code, request.body.reason);
          return codeView(trx, storeId, request.params.code);
        });
      },
    );

    app.post(
      '/api/v1/store-credit/redemptions/:id/reverse',
      {
        schema: {
          tags: ['store-credit'],
          summary: "Put a redemption back on its code (the checkout's order was cancelled); once",
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'credit.redeem' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        return database.db.transaction().execute((trx) => reverseRedemption(trx, storeId, request.params.id));
      },
    );

    app.get(
      '/api/v1/customers/:id/store-credit',
      {
        schema: {
          tags: ['store-credit'],
          summary: "A customer's store credit: spendable balance per currency, codes and the ledger",
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        if (!(await customerExists(database.db, storeId, request.params.id)))
          throw new AppError('not_found', 'Customer not found');
        return customerCredit(database.db, storeId, request.params.id);
      },
    );
  };
