// Opens the database: PGlite (embedded PostgreSQL in WASM, data in a local folder) by default,
// a PostgreSQL server when DATABASE_URL is set. Both sit behind the same Kysely instance and run the
// same SQL, so nothing above this file knows which one it has.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPglite } from './pglite.ts';
import type { DB, Tx } from './schema.ts';
import {
  copyCsv,
  copyOf,
  heldBegin,
  ident,
  isStalePlan,
  preparedNames,
  statementCounter,
  toNumber,
} from './statements.ts';

// bigint and numeric arrive as strings from pg by default (see toNumber)
pg.types.setTypeParser(20, toNumber);
pg.types.setTypeParser(1700, toNumber);

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
 * BEGIN as a statement prepared on each connection (by its first transaction, which sends it alone),
 * so that later transactions send it in the same message as their first statement: bound and
 * executed, no parse, one round trip less per transaction.
 */
const BEGIN = { name: 'aftersale_begin', text: 'BEGIN' };
const hasPreparedBegin = (client: pg.PoolClient) =>
  // pg's own record of what this connection has parsed
  Boolean(
    (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection
      ?.parsedStatements?.[BEGIN.name],
  );

/** The parts of pg's Query and connection that BeginThen uses (not in pg's published types). */
interface PgWire {
  stream: { cork?(): void; uncork?(): void };
  bind(msg: { statement: string; values: unknown[] }): void;
  execute(msg: { portal?: string }): void;
}
interface PgQueryConfig {
  name: string;
  text: string;
  values: unknown[];
  callback: (err: Error | null, result: pg.QueryResult) => void;
}
const PgQuery = pg.Query as unknown as new (
  config: PgQueryConfig,
) => {
  submit(connection: PgWire): Error | null;
  handleCommandComplete(msg: unknown, connection: PgWire): void;
};

/**
 * A prepared statement sent behind the connection's prepared BEGIN: bind and execute BEGIN, then the
 * statement, then one sync. The server answers BEGIN's completion first; the query drops it and
 * reads the rest as pg would.
 */
class BeginThen extends PgQuery {
  #beginDone = false;
  override submit(connection: PgWire): Error | null {
    connection.stream.cork?.();
    try {
      connection.bind({ statement: BEGIN.name, values: [] });
      connection.execute({});
      return super.submit(connection);
    } finally {
      connection.stream.uncork?.();
    }
  }
  override handleCommandComplete(msg: unknown, connection: PgWire): void {
    if (!this.#beginDone) {
      this.#beginDone = true;
      return;
    }
    super.handleCommandComplete(msg, connection);
  }
}

/** `config` run on `client` behind its prepared BEGIN (BeginThen), as a promise like pg's own. */
const beginThen = (client: pg.PoolClient, config: Omit<PgQueryConfig, 'callback'>) =>
  new Promise<pg.QueryResult>((resolve, reject) => {
    const query = new BeginThen({ ...config, callback: (err, res) => (err ? reject(err) : resolve(res)) });
    (client.query as unknown as (q: unknown) => void)(query);
  });

/**
 * The pool Kysely draws from, its clients running a CopyRows parameter as COPY FROM STDIN (streamed
 * by pg-copy-streams) and anything else as pg would.
 */
function copyingPool(pool: pg.Pool, prepare: boolean) {
  const wrapped = new WeakMap<pg.PoolClient, object>();
  const names = prepare ? preparedNames() : null;
  const wrap = (client: pg.PoolClient) => {
    // a BEGIN held back to leave with the transaction's first statement (prepared statements only)
    const begin = heldBegin();
    /** BEGIN now, on its own, if it was held back: before a statement that cannot carry it */
    const begun = async () => {
      if (begin.take()) await client.query(BEGIN);
    };
    return {
      async query(...args: unknown[]) {
        const rows = copyOf(args[1]);
        if (!rows) {
          const [text, values] = args as [string, unknown[] | undefined];
          const answer = names && begin.answer(text);
          if (answer) return answer;
          const name = names?.name(text, values);
          if (name) {
            const held = begin.take();
            // BEGIN rides along once this connection has it prepared; its first time it goes alone
            const withBegin = held && hasPreparedBegin(client);
            if (held && !withBegin) await client.query(BEGIN);
            const config = { name, text, values: values ?? [] };
            return (withBegin ? beginThen(client, config) : client.query(config)).catch((err: unknown) => {
              if (isStalePlan(err)) names?.forget(text);
              throw err;
            });
          }
          await begun();
          return (client.query as (...a: unknown[]) => unknown)(...args);
        }
        await begun();
        return (async () => {
          const stream = client.query(copyFrom(`COPY ${rows.target()} FROM STDIN WITH (FORMAT csv)`));
          await pipeline(Readable.from([rows.csv]), stream);
          return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
        })();
      },
      release: () => {
        begin.reset();
        client.release();
      },
    };
  };
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

export function openDatabase(cfg: {
  databaseUrl?: string | undefined;
  dataDir: string;
  preparedStatements?: boolean;
}): Promise<Database> {
  return cfg.databaseUrl
    ? openPostgres(cfg.databaseUrl, 10, { prepare: cfg.preparedStatements ?? true })
    : openPglite({ dataDir: cfg.dataDir });
}
