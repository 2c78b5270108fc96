// What applying a delivery of any provider shares: reading loose JSON, the error for a delivery
// that can never apply, and the lock that keeps one object's deliveries in order.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';

export type J = Record<string, unknown>;
export const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});

/** A delivery that can never be applied as it is (bad data): kept with its error, not retried. */
export class Unappliable extends Error {}

export async function lockObject(trx: Tx, storeId: string, provider: string, objectId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${storeId}|${provider}|${objectId}`}, 0))`.execute(
    trx,
  );
}
