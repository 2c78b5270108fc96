// PGlite, the embedded database: PostgreSQL in WASM with its data in a local folder, one connection
// handed to one transaction at a time, each statement one call into it (pgliteStatements).
import { Mutex, type PGlite, parse as pgliteParse, protocol } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './connect.ts';
import { createPgliteInstance, type PgliteOptions, takePreopened } from './pglite-instance.ts';
import type { DB } from './schema.ts';
import { copyCsv, copyOf, heldBegin, isStalePlan, preparedNames, statementCounter } from './statements.ts';

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const instance = await (takePreopened(options.dataDir) ?? createPgliteInstance(options));
  // PGlite is one connection: a transaction must own it until commit, so "connections" are handed
  // out one at a time.
  const lock = new Mutex();
  const run = pgliteStatements(instance);
  // a BEGIN held back to go into PGlite with the transaction's first statement, in the same call
  const begin = heldBegin();
  const client = (prepare: boolean) => ({
    async query(text: string, params: unknown[]) {
      const answer = begin.answer(text);
      if (answer) return answer;
      const withBegin = begin.take();
      const rows = copyOf(params);
      if (rows) {
        if (withBegin) await run('BEGIN', [], false);
        const r = await instance.query(`COPY ${rows.target()} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob([rows.csv]),
        });
        return { command: 'COPY', rowCount: r.affectedRows ?? 0, rows: [] };
      }
      const r = await run(text, params, prepare, withBegin);
      const command = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
      return { command, rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
    },
    release: () => {},
  });
  const pool = (prepare: boolean) => {
    const { query } = client(prepare);
    return {
      async connect() {
        const release = await lock.acquire();
        return {
          query,
          release: () => {
            begin.reset();
            release();
          },
        };
      },
      async end() {
        if (!instance.closed) await instance.close();
      },
    };
  };
  const counter = statementCounter();
  const over = (prepare: boolean) =>
    // biome-ignore lint/suspicious/noExplicitAny: the pool shim implements the subset of pg.Pool Kysely uses
    new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool(prepare) as any }), log: counter.log });
  const db = over(true);
  const unpreparedDb = over(false);
  return {
    db,
    unpreparedDb,
    kind: 'pglite',
    pglite: instance,
    statements: counter.statements,
    traceStatements: counter.traceStatements,
    // One connection: LISTEN waits its turn like any statement, so it never lands inside somebody
    // else's transaction. Nothing can be lost in one process, so onLost never runs.
    async listen(channel, onPayload) {
      const release = await lock.acquire();
      let unsubscribe: () => Promise<void>;
      try {
        unsubscribe = await instance.listen(channel, onPayload);
      } finally {
        release();
      }
      return async () => {
        const again = await lock.acquire();
        try {
          await unsubscribe();
        } finally {
          again();
        }
      };
    },
    copyCsv,
    async execScript(sql) {
      const release = await lock.acquire();
      try {
        await instance.exec(sql);
      } catch (err) {
        await instance.exec('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        release();
      }
    },
    async close() {
      await unpreparedDb.destroy();
      await db.destroy();
    },
  };
}

/**
 * Runs a statement on PGlite in one call into its PostgreSQL: bind, describe, execute and sync as one
 * message, where PGlite's own query() makes six calls (parse, describe, bind, describe, execute,
 * sync) and parses and plans the text every time. A statement with parameters is parsed once under
 * a name (`preparedNames`, as on a PostgreSQL connection) with its parameters' types, then only bound;
 * with `prepare` false, or without parameters, it is parsed unnamed each time (planned for its values).
 */
function pgliteStatements(instance: PGlite) {
  const { serialize } = protocol;
  const names = preparedNames();
  const types = new Map<string, number[]>();
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const exec = async (parts: Uint8Array[]) => (await instance.execProtocol(join(parts))).messages;
  // BEGIN under a name of its own: an unnamed parse would replace the statement parsed (unnamed) to
  // learn its parameters' types, and the bind that follows would run BEGIN again
  let beginParsed = false;
  const begin = () => {
    const bound = [serialize.bind({ statement: 'aftersale_begin' }), serialize.execute({})];
    if (beginParsed) return bound;
    beginParsed = true;
    return [serialize.parse({ name: 'aftersale_begin', text: 'BEGIN' }), ...bound];
  };
  /** `withBegin`: BEGIN goes first in the same call (a transaction's first statement) */
  return async (text: string, params: unknown[], prepare: boolean, withBegin = false) => {
    const name = prepare ? names.name(text, params) : undefined;
    let paramTypes = name ? types.get(name) : undefined;
    const head: Uint8Array[] = [];
    try {
      if (!paramTypes && params.length > 0) {
        // the parameters' types, for their serializers: the statement parsed and described first
        paramTypes = pgliteParse.parseDescribeStatementResults(
          await exec([
            serialize.parse({ name, text }),
            serialize.describe({ type: 'S', name }),
            serialize.sync(),
          ]),
        );
        if (name) types.set(name, paramTypes);
      } else if (!name || !types.has(name)) head.push(serialize.parse({ name, text }));
      const values = params.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serializer = instance.serializers[paramTypes?.[i] ?? 0];
        return serializer ? serializer(v) : String(v);
      });
      const messages = await exec([
        ...(withBegin ? begin() : []),
        ...head,
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      // one result per completed command: BEGIN's first when it went along
      return pgliteParse.parseResults(messages, instance.parsers).at(-1) ?? { rows: [], affectedRows: 0 };
    } catch (err) {
      if (name && isStalePlan(err)) {
        names.forget(text);
        types.delete(name);
      }
      throw err;
    }
  };
}
