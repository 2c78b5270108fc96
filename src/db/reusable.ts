// A query whose SQL text depends only on which parameters it takes, not on their values, built and
// compiled by Kysely once per process and then only bound. Building the big JSON reads (a return's
// view, a step's lock, a whole order) through Kysely's builders took a sixth of the server's time
// under load; the text they compile to never changes.
//
// The builder is called once with a marker in place of each parameter; every value Kysely collects
// as a query parameter is either a marker (bound to the caller's value at each run) or a constant of
// the builder (kept). A builder must hand its parameters to Kysely as values, untouched: anything
// that shapes the text (an option, a list's length) makes another reusable query.
import { type Compilable, CompiledQuery } from 'kysely';
import type { Tx } from './schema.ts';

class Marker {
  constructor(readonly key: string) {}
}

export interface Reusable<P extends Record<string, unknown>, R> {
  /** The compiled query with `params` bound, for Kysely's executeQuery. */
  compile(db: Tx, params: P): CompiledQuery<R>;
  /** Runs it: the rows. */
  execute(db: Tx, params: P): Promise<R[]>;
  /** Runs it: the first row, if any. */
  executeTakeFirst(db: Tx, params: P): Promise<R | undefined>;
}

export function reusable<P extends Record<string, unknown>, R>(
  keys: readonly (keyof P & string)[],
  build: (db: Tx, params: P) => Compilable<R>,
): Reusable<P, R> {
  let made: { sql: string; slots: unknown[] } | undefined;
  const compile = (db: Tx, params: P): CompiledQuery<R> => {
    if (!made) {
      const markers = Object.fromEntries(keys.map((k) => [k, new Marker(k)])) as unknown as P;
      const q = build(db, markers).compile();
      const used = new Set(q.parameters.flatMap((v) => (v instanceof Marker ? [v.key] : [])));
      const unused = keys.filter((k) => !used.has(k));
      // a parameter that never reached Kysely as a value was used to shape the text: not reusable
      if (unused.length) throw new Error(`reusable query: ${unused.join(', ')} not passed as values`);
      made = { sql: q.sql, slots: [...q.parameters] };
    }
    const values = made.slots.map((v) => (v instanceof Marker ? params[v.key] : v));
    return CompiledQuery.raw(made.sql, values) as CompiledQuery<R>;
  };
  return {
    compile,
    async execute(db, params) {
      return (await db.executeQuery(compile(db, params))).rows;
    },
    async executeTakeFirst(db, params) {
      return (await db.executeQuery(compile(db, params))).rows[0];
    },
  };
}
