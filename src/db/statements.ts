// What both databases' drivers share beneath Kysely: the number parser, COPY rows carried as a
// statement's parameter, the names of prepared statements and the refusal of a stale plan, and the
// count of statements sent.
import { CompiledQuery } from 'kysely';
import type { Tx } from './schema.ts';

export { toNumber } from './to-number.ts';

/** Channel, table and column names are our own constants; quoted as identifiers all the same. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A COPY's rows, travelling as the one parameter of a statement Kysely sends through the
 * transaction's connection: the client under it (below) recognises it and runs a COPY instead of a
 * query. So the COPY lands on the connection that holds the transaction, whichever it is, and is
 * logged and counted like any statement.
 */
export class CopyRows {
  constructor(
    readonly table: string,
    readonly columns: string[],
    readonly csv: string,
  ) {}
  target(): string {
    return `${ident(this.table)} (${this.columns.map(ident).join(', ')})`;
  }
}

export async function copyCsv(trx: Tx, table: string, columns: string[], csv: string): Promise<void> {
  const rows = new CopyRows(table, columns, csv);
  await trx.executeQuery(CompiledQuery.raw(`COPY ${rows.target()} FROM STDIN WITH (FORMAT csv)`, [rows]));
}

export const copyOf = (params: unknown): CopyRows | undefined => {
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
export const isStalePlan = (err: unknown) =>
  (err as { code?: string } | null)?.code === '0A000' &&
  /cached plan must not change result type/.test((err as Error).message);

/** Kysely's log hook, counting every statement it sends (a number increment per statement). */
export function statementCounter() {
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

/** What a driver answers, without sending anything, for a statement it holds back or skips. */
export type HeldAnswer = { command: string; rowCount: null; rows: [] };

/**
 * Kysely's BEGIN held back by a connection, to leave with the transaction's first statement (one
 * round trip less per transaction). Both drivers use it: `answer` replies to `begin`, and to the
 * COMMIT or ROLLBACK of a transaction that sent nothing (so it ends without a word); `take` tells the
 * driver whether BEGIN must now go first, and drops the hold; `reset` drops it when the connection
 * is released.
 */
export function heldBegin() {
  let held = false;
  return {
    answer(text: string): HeldAnswer | undefined {
      if (text === 'begin') {
        held = true;
        return { command: 'BEGIN', rowCount: null, rows: [] };
      }
      if (held && (text === 'commit' || text === 'rollback')) {
        held = false;
        return { command: text.toUpperCase(), rowCount: null, rows: [] };
      }
      return undefined;
    },
    take(): boolean {
      const was = held;
      held = false;
      return was;
    },
    reset(): void {
      held = false;
    },
  };
}
