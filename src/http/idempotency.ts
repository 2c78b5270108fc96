// Idempotency-Key: the key, a hash of the request and the response are stored in the same
// transaction as the change. A replay finds the row and gets the first response; a concurrent
// duplicate waits on the key's unique index and then does the same; a failed request stores nothing,
// so it may be retried. The same key with another body is refused.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Tx } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../features/auth/actor.ts';

export interface Outcome {
  status: number;
  body: unknown;
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > 255)
    throw new AppError('invalid_request', 'Idempotency-Key must be 1 to 255 characters', {
      errors: [{ path: 'headers.idempotency-key', message: '1 to 255 characters' }],
    });
  return key;
}

export async function runIdempotent(
  database: Database,
  actor: Actor,
  request: FastifyRequest,
  work: (trx: Tx) => Promise<Outcome>,
  /** narrows the key's scope below the store, e.g. to one order for the portal's customers */
  scope?: string,
): Promise<Outcome & { replayed: boolean }> {
  const given = idempotencyKeyOf(request);
  const key = given && scope ? `${scope}|${given}` : given;
  if (!key) return { ...(await database.db.transaction().execute(work)), replayed: false };
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const hash = createHash('sha256')
    .update(`${route}\n${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return database.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ store_id: actor.storeId, key, route, request_hash: hash, status_code: 0, response: '{}' })
      .onConflict((oc) => oc.columns(['store_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('store_id', '=', actor.storeId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.request_hash !== hash)
        throw new AppError(
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request',
        );
      return { status: first.status_code, body: first.response, replayed: true };
    }
    const outcome = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: outcome.status, response: sql`${JSON.stringify(outcome.body)}::jsonb` as never })
      .where('store_id', '=', actor.storeId)
      .where('key', '=', key)
      .execute();
    return { ...outcome, replayed: false };
  });
}
