// Replacement orders over HTTP: read one, record its shipment and delivery, settle the price
// difference a dearer exchange item waits for (see replacements.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { Actor } from '../auth/actor.ts';
import {
  deliverReplacement,
  getReplacement,
  replacementView,
  settleReplacementDue,
  shipReplacement,
} from './replacements.ts';

const params = z.object({ id: z.uuid() });

async function mustReplacement(trx: Tx, storeId: string, id: string) {
  const r = await getReplacement(trx, storeId, id);
  if (!r) throw new AppError('not_found', 'Replacement not found');
  return r;
}

export const replacementRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const replacementStep = <S extends z.ZodType>(
      name: string,
      summary: string,
      body: S,
      run: (trx: Tx, actor: Actor, id: string, body: z.output<S>) => Promise<unknown>,
    ) =>
      app.post(
        `/api/v1/replacements/:id/${name}`,
        {
          schema: { tags: ['cases'], summary, params, body },
          config: { permission: 'replacements.write' },
        },
        async (request) => {
          const actor = actorOf(request);
          const id = (request.params as { id: string }).id;
          return database.db.transaction().execute(async (trx) => {
            await run(trx, actor, id, request.body as z.output<S>);
            return replacementView(await mustReplacement(trx, actor.storeId, id));
          });
        },
      );

    app.get(
      '/api/v1/replacements/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'A replacement order (its order id) with its status, cost and any amount due',
          params,
        },
        config: { permission: 'read' },
      },
      async (request) =>
        replacementView(await mustReplacement(database.db, actorOf(request).storeId, request.params.id)),
    );
    replacementStep(
      'ship',
      'The replacement left: its carrier, tracking and what sending it cost',
      z.strictObject({
        carrier: z.string().min(1).max(100).nullable().default(null),
        tracking_number: z.string().min(1).max(100).nullable().default(null),
        cost: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      }),
      (trx, a, id, b) => shipReplacement(trx, a, id, b),
    );
    replacementStep('deliver', 'The replacement arrived', z.strictObject({}).default({}), (trx, a, id) =>
      deliverReplacement(trx, a, id),
    );
    replacementStep(
      'settle',
      'The customer paid the price difference: a payment link (its reference), their store credit (`code`), or the store waived it',
      z.strictObject({
        by: z.enum(['payment', 'store_credit', 'waived']),
        reference: z.string().max(200).optional(),
        code: z.string().min(6).max(40).optional(),
      }),
      (trx, a, id, b) => settleReplacementDue(trx, a, id, b),
    );
  };
