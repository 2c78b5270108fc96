// Opens the database: PGlite (embedded PostgreSQL in WASM, data in a local folder) by default,
// a PostgreSQL server when DATABASE_URL is set. Both sit behind the same Kysely instance and run the
// same SQL, so nothing above this file knows which one it has.
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Mutex, PGlite, parse as pgliteParse, types as pgliteTypes, protocol } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB, Tx } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  /**
   * The same database without prepared statements: each statement planned for its parameters and
   * the tables as they are. For reports (analytics, scorecards: a generic plan took a year-long
   * report from 0.3 to 0.7 s) and bulk imports (a plan made while the tables were small stayed while
   * the import grew them). On PGlite, `db` itself.
   */
  unpreparedDb: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
  /** How many SQL statements this instance has sent, BEGIN and COMMIT included (tests count them). */
  statements(): number;
  /** Keeps the text of every statement sent from now on in `into` (null stops): to see which they are. */
  traceStatements(into: string[] | null): void;
  /**
   * Subscribes to a NOTIFY channel (`pg_notify(channel, payload)` sent by any process on this
   * database, delivered on commit). `onLost` runs when the listening connection was lost and
   * re-established: notifications may have been missed meanwhile, so caches must forget everything.
   * Returns the unsubscribe function.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * COPY rows in CSV into a table on `trx`'s connection, so inside its transaction: a failure
   * aborts the transaction like any statement's. Bulk imports write new rows this way (PostgreSQL:
   * COPY FROM STDIN with pg-copy-streams; PGlite: COPY FROM '/dev/blob').
   */
  copyCsv(trx: Tx, table: string, columns: string[], csv: string): Promise<void>;
  /** The embedded instance, for dumping a template data directory in tests. */
  pglite?: PGlite;
}

// bigint and numeric arrive as strings from both drivers by default; our amounts are integers far
// below 2^53, and aggregates (sum, count) would otherwise leak strings into the API.
const toNumber = (v: string) => Number(v);
pg.types.setTypeParser(20, toNumber);
pg.types.setTypeParser(1700, toNumber);

/** Channel, table and column names are our own constants; quoted as identifiers all the same. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One dedicated connection (outside the pool) carries every LISTEN of the process; it is opened on
 * the first subscription and re-opened after a loss, re-subscribing and telling each subscriber.
 */
function postgresListener(url: string) {
  const subscribers = new Map<string, Set<{ onPayload: (p: string) => void; onLost?: () => void }>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => {
        for (const s of subscribers.get(n.channel) ?? []) s.onPayload(n.payload ?? '');
      });
      const lost = () => {
        if (client !== c) return;
        client = undefined;
        connecting = undefined;
        c.end().catch(() => {});
        if (closed) return;
        setTimeout(() => {
          if (closed || subscribers.size === 0) return;
          connect()
            .then(() => {
              for (const set of subscribers.values()) for (const s of set) s.onLost?.();
            })
            .catch(() => lost());
        }, 1000).unref();
      };
      c.on('error', (err) => {
        process.emitWarning(`PostgreSQL LISTEN connection lost: ${err.message}`);
        lost();
      });
      c.on('end', lost);
      await c.connect();
      client = c;
      for (const channel of subscribers.keys()) await c.query(`LISTEN ${ident(channel)}`);
      return c;
    })();
    connecting.catch(() => {
      connecting = undefined;
    });
    return connecting;
  };
  return {
    async listen(channel: string, onPayload: (p: string) => void, onLost?: () => void) {
      const entry = { onPayload, onLost };
      const fresh = !subscribers.has(channel);
      const set = subscribers.get(channel) ?? new Set();
      subscribers.set(channel, set);
      set.add(entry);
      const c = client ?? (await connect());
      if (fresh && client === c) await c.query(`LISTEN ${ident(channel)}`);
      return async () => {
        set.delete(entry);
        if (set.size > 0) return;
        subscribers.delete(channel);
        await client?.query(`UNLISTEN ${ident(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}

/**
 * A COPY's rows, travelling as the one parameter of a statement Kysely sends through the
 * transaction's connection: the client under it (below) recognises it and runs a COPY instead of a
 * query. So the COPY lands on the connection that holds the transaction, whichever it is, and is
 * logged and counted like any statement.
 */
class CopyRows {
  constructor(
    readonly table: string,
    readonly columns: string[],
    readonly csv: string,
  ) {}
  target(): string {
    return `${ident(this.table)} (${this.columns.map(ident).join(', ')})`;
  }
}

async function copyCsv(trx: Tx, table: string, columns: string[], csv: string): Promise<void> {
  const rows = new CopyRows(table, columns, csv);
  await trx.executeQuery(CompiledQuery.raw(`COPY ${rows.target()} FROM STDIN WITH (FORMAT csv)`, [rows]));
}

const copyOf = (params: unknown): CopyRows | undefined => {
  const first = Array.isArray(params) ? params[0] : undefined;
  return first instanceof CopyRows ? first : undefined;
};

/**
 * Names for the statements worth preparing: PostgreSQL parses and plans a named statement once per
 * connection and then only binds it, where an unnamed one is parsed and planned on every run (for
 * the JSON reads of an order or a return, most of the server's work). Only statements with
 * parameters (BEGIN and COMMIT stay simple queries) and of bounded text (not a bulk insert of many
 * rows, whose text changes with its row count); at most MAX_PREPARED texts, each connection keeping
 * its own plans of them.
 */
const MAX_PREPARED = 500;
const MAX_PREPARED_TEXT = 20_000;
export function preparedNames() {
  const known = new Map<string, string>();
  let made = 0;
  return {
    name(text: string, values: unknown[] | undefined): string | undefined {
      if (!values?.length || text.length > MAX_PREPARED_TEXT) return undefined;
      let name = known.get(text);
      if (!name && known.size < MAX_PREPARED) {
        name = `aftersale_${++made}`;
        known.set(text, name);
      }
      return name;
    },
    /** the text gets a new name next time: its connections prepare it again, for today's tables */
    forget(text: string): void {
      known.delete(text);
    },
  };
}

/**
 * PostgreSQL's refusal of a prepared statement whose tables a migration changed since (a `SELECT *`
 * that would now return other columns). The statement fails; under a new name it is prepared again.
 */
const isStalePlan = (err: unknown) =>
  (err as { code?: string } | null)?.code === '0A000' &&
  /cached plan must not change result type/.test((err as Error).message);

/**
 * The pool Kysely draws from, its clients running a CopyRows parameter as COPY FROM STDIN (streamed
 * by pg-copy-streams) and anything else as pg would.
 */
function copyingPool(pool: pg.Pool, prepare: boolean) {
  const wrapped = new WeakMap<pg.PoolClient, object>();
  const names = prepare ? preparedNames() : null;
  const wrap = (client: pg.PoolClient) => ({
    query(...args: unknown[]) {
      const rows = copyOf(args[1]);
      if (!rows) {
        const [text, values] = args as [string, unknown[] | undefined];
        const name = names?.name(text, values);
        if (name)
          return client.query({ name, text, values: values ?? [] }).catch((err: unknown) => {
            if (isStalePlan(err)) names?.forget(text);
            throw err;
          });
        return (client.query as (...a: unknown[]) => unknown)(...args);
      }
      return (async () => {
        const stream = client.query(copyFrom(`COPY ${rows.target()} FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from([rows.csv]), stream);
        return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
      })();
    },
    release: () => client.release(),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = wrap(client);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

/** Kysely's log hook, counting every statement it sends (a number increment per statement). */
function statementCounter() {
  let n = 0;
  let trace: string[] | null = null;
  return {
    log: (e: { query: { sql: string } }) => {
      n++;
      trace?.push(e.query.sql);
    },
    statements: () => n,
    traceStatements: (into: string[] | null) => {
      trace = into;
    },
  };
}

export async function openPostgres(
  url: string,
  max = 10,
  /** named (prepared) statements; off behind a pooler that cannot keep them (PgBouncer before 1.21) */
  opts: { prepare?: boolean } = {},
): Promise<Database> {
  // JIT compilation pays off for long analytical scans, not for an application's queries: PostgreSQL
  // turns it on by cost estimate, and on a report over a year of returns it spent a third of the
  // query's time compiling (issue 12). Off for our sessions.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  // An idle client can lose its server (restart, failover); pg then emits 'error' on the pool, which
  // would crash the process if nobody listened. The pool replaces the client on next use.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle client error: ${err.message}`);
  });
  const counter = statementCounter();
  // biome-ignore lint/suspicious/noExplicitAny: the wrapper implements the subset of pg.Pool Kysely uses
  const over = (prepare: boolean) => new PostgresDialect({ pool: copyingPool(pool, prepare) as any });
  const prepare = opts.prepare ?? true;
  const db = new Kysely<DB>({ dialect: over(prepare), log: counter.log });
  // the same pool; never destroyed on its own (db's destroy ends the pool)
  const unpreparedDb = prepare ? new Kysely<DB>({ dialect: over(false), log: counter.log }) : db;
  const listener = postgresListener(url);
  return {
    db,
    unpreparedDb,
    kind: 'postgres',
    statements: counter.statements,
    traceStatements: counter.traceStatements,
    listen: listener.listen,
    copyCsv,
    async execScript(sql) {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (err) {
        // A failed script leaves the session inside an aborted transaction: clear it before reuse.
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.close();
      await db.destroy();
    },
  };
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const instance = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: { [pgliteTypes.INT8]: toNumber, [pgliteTypes.NUMERIC]: toNumber },
    // PostgreSQL's default 128 MB of shared buffers sits in the WASM heap whether used or not; a
    // store's embedded database is small, and the operating system caches its files anyway
    postgresqlconf: 'shared_buffers = 16MB',
  });
  // PGlite is one connection: a transaction must own it until commit, so "connections" are handed
  // out one at a time.
  const lock = new Mutex();
  const run = pgliteStatements(instance);
  const client = (prepare: boolean) => ({
    async query(text: string, params: unknown[]) {
      const rows = copyOf(params);
      if (rows) {
        const r = await instance.query(`COPY ${rows.target()} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob([rows.csv]),
        });
        return { command: 'COPY', rowCount: r.affectedRows ?? 0, rows: [] };
      }
      const r = await run(text, params, prepare);
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
        return { query, release };
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
  return async (text: string, params: unknown[], prepare: boolean) => {
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
        ...head,
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      const [result] = pgliteParse.parseResults(messages, instance.parsers);
      return result ?? { rows: [], affectedRows: 0 };
    } catch (err) {
      if (name && isStalePlan(err)) {
        names.forget(text);
        types.delete(name);
      }
      throw err;
    }
  };
}

export function openDatabase(cfg: {
  databaseUrl?: string | undefined;
  dataDir: string;
  preparedStatements?: boolean;
}): Promise<Database> {
  return cfg.databaseUrl
    ? openPostgres(cfg.databaseUrl, 10, { prepare: cfg.preparedStatements ?? true })
    : openPglite({ dataDir: cfg.dataDir });
}
