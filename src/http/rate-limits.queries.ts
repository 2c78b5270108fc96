import { sql } from 'kysely';
import type { Tx } from '../db/schema.ts';

export interface Count {
  current: number;
  /** milliseconds until the window ends */
  ttl: number;
}

/** Counts one hit on `key`: the first of a new window when the last one ended. One statement. */
export async function countHit(trx: Tx, key: string, windowMs: number): Promise<Count> {
  const row = await trx
    .insertInto('rate_limits')
    .values({ key, hits: 1, window_ends: sql<Date>`now() + make_interval(secs => ${windowMs / 1000})` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`CASE WHEN rate_limits.window_ends <= now() THEN 1 ELSE rate_limits.hits + 1 END`,
        window_ends: sql<Date>`CASE WHEN rate_limits.window_ends <= now() THEN excluded.window_ends
          ELSE rate_limits.window_ends END`,
      }),
    )
    .returning(['hits', sql<number>`extract(epoch from window_ends - now()) * 1000`.as('ttl')])
    .executeTakeFirstOrThrow();
  return { current: row.hits, ttl: Math.max(0, Math.ceil(Number(row.ttl))) };
}

/** The count in the current window, counting nothing. */
export async function readCount(trx: Tx, key: string): Promise<Count> {
  const row = await trx
    .selectFrom('rate_limits')
    .select(['hits', sql<number>`extract(epoch from window_ends - now()) * 1000`.as('ttl')])
    .where('key', '=', key)
    .where('window_ends', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? { current: row.hits, ttl: Math.max(0, Math.ceil(Number(row.ttl))) } : { current: 0, ttl: 0 };
}

/** Forgets windows that have ended. */
export async function deleteEndedWindows(trx: Tx): Promise<void> {
  await trx.deleteFrom('rate_limits').where('window_ends', '<=', sql<Date>`now()`).execute();
}
