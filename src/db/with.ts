// Several writes in one statement: each `Alongside` becomes a data-modifying WITH of the statement
// that follows (PostgreSQL runs every one of them exactly once, whether the main statement reads it
// or not). One round trip instead of one per write; they all see the database as it was before the
// statement, so none may depend on another's effect.
import type { DeleteQueryBuilder, InsertQueryBuilder, QueryCreator, UpdateQueryBuilder } from 'kysely';
import type { DB } from './schema.ts';

/** Any insert, update or delete of the schema, to ride along with another statement. */
export type Alongside = (
  db: QueryCreator<DB>,
) => // biome-ignore lint/suspicious/noExplicitAny: any table and result
  | InsertQueryBuilder<DB, any, any>
  // biome-ignore lint/suspicious/noExplicitAny: any table and result
  | UpdateQueryBuilder<DB, any, any, any>
  // biome-ignore lint/suspicious/noExplicitAny: any table and result
  | DeleteQueryBuilder<DB, any, any>;

/** `db` with each of `writes` as a WITH (named w0, w1 … and never referred to). */
export function withWrites(db: QueryCreator<DB>, writes: readonly Alongside[]): QueryCreator<DB> {
  let qc = db;
  writes.forEach((write, i) => {
    qc = qc.with(`w${i}`, write) as unknown as QueryCreator<DB>;
  });
  return qc;
}

/** Sends `writes` as one statement: the last one, with the others as its WITHs. */
export async function writeTogether(db: QueryCreator<DB>, writes: readonly Alongside[]): Promise<void> {
  const last = writes.at(-1);
  if (!last) return;
  await last(withWrites(db, writes.slice(0, -1))).execute();
}
