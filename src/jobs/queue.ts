// A transactional outbox. enqueue() runs inside the caller's transaction, so the job exists exactly
// when the change that needs it committed. The worker claims one due job at a time in a short
// transaction (FOR UPDATE SKIP LOCKED) that leases it and counts the attempt, then runs the handler
// with no transaction open: a provider call may wait seconds on the network, and must hold neither
// row locks nor a connection (PGlite has only one) meanwhile. A worker that dies mid-job leaves the
// job to be claimed again once its lease ends; handlers pass providers a key derived from the job,
// so a retry never doubles an effect, and record their outcome in the transaction that calls
// completeJob(), so it is recorded once.

import type { InsertQueryBuilder, Kysely, QueryCreator } from 'kysely';
import { sql } from 'kysely';
import type { DB, Tx } from '../db/schema.ts';

/** A claimed job; `attempts` counts this attempt. */
export interface Job {
  id: number;
  store_id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}
/** Runs with no transaction open; opens its own short ones. */
export type JobHandler = (db: Kysely<DB>, job: Job) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export async function enqueue(
  trx: Tx,
  storeId: string,
  kind: string,
  payload: unknown,
  runAt?: Date,
): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({ store_id: storeId, kind, payload: JSON.stringify(payload), run_at: runAt ?? new Date() })
    .execute();
}

/**
 * enqueue() and another insert in one statement (a data-modifying WITH): the row a job is about and
 * the job itself, one round trip instead of two.
 */
export async function enqueueWith(
  trx: Tx,
  storeId: string,
  kind: string,
  payload: unknown,
  runAt: Date,
  // biome-ignore lint/suspicious/noExplicitAny: any insert of the schema rides along
  alongside: (db: QueryCreator<DB>) => InsertQueryBuilder<DB, any, any>,
): Promise<void> {
  await trx
    .with('alongside', (db) => alongside(db))
    .insertInto('jobs')
    .values({ store_id: storeId, kind, payload: JSON.stringify(payload), run_at: runAt })
    .execute();
}

export const MAX_ATTEMPTS = 8;
/** How long a claimed job is left to its worker: longer than any provider client's timeout. */
const LEASE_SECONDS = 300;
const backoffSeconds = (attempt: number) => Math.min(3600, 5 * 2 ** (attempt - 1));

/** A job no worker holds: never leased, or its lease has ended. */
export const leaseFree = sql<boolean>`(locked_until IS NULL OR locked_until <= now())`;

/** Claims the next due job of the given kinds (a worker takes only what it has handlers for). */
async function claimJob(db: Kysely<DB>, kinds: string[]): Promise<Job | undefined> {
  if (kinds.length === 0) return undefined;
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('jobs')
      .select('id')
      .where('done_at', 'is', null)
      .where('kind', 'in', kinds)
      .where('run_at', '<=', new Date())
      .where('attempts', '<', MAX_ATTEMPTS)
      .where(leaseFree)
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return undefined;
    return trx
      .updateTable('jobs')
      .set({
        attempts: sql`attempts + 1`,
        locked_until: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})`,
      })
      .where('id', '=', due.id)
      .returning(['id', 'store_id', 'kind', 'payload', 'attempts'])
      .executeTakeFirstOrThrow();
  });
}

/** Marks a job done; false when it already was (another worker, whose lease came later, finished it). */
export async function completeJob(trx: Tx, id: number): Promise<boolean> {
  const done = await trx
    .updateTable('jobs')
    .set({ done_at: new Date(), locked_until: null })
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

async function failJob(db: Kysely<DB>, job: Job, err: unknown, opts = { keepLease: false }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      last_error: String(err instanceof Error ? err.message : err).slice(0, 2000),
      run_at: sql<Date>`now() + make_interval(secs => ${backoffSeconds(job.attempts)})`,
      // A call that timed out may still be on its way: no second one before the lease ends.
      ...(opts.keepLease ? {} : { locked_until: null }),
    })
    .where('id', '=', job.id)
    .where('done_at', 'is', null)
    // A worker whose lease ran out must not overwrite the state of the attempt that followed it.
    .where('attempts', '=', job.attempts)
    .execute();
}

/** How long the worker waits on one job before going on to the next: well inside the lease. */
export const HANDLER_TIMEOUT_MS = (LEASE_SECONDS - 60) * 1000;

class HandlerTimeout extends Error {}

/** The handler's promise, or a HandlerTimeout after `ms`; an abandoned handler may still finish. */
async function withTimeout(run: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeout(`no answer after ${ms / 1000} s`)), ms);
  });
  run.catch(() => {}); // a rejection after the timeout has nobody left to tell
  try {
    await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs due jobs until none is left or `limit` ran; returns how many ran (successfully or not). A
 * handler that hangs (a provider that never answers) is left after `timeoutMs` so the jobs behind it
 * still run; its job keeps its lease, so it is taken again only once the lease ends, under the same
 * provider key, and an answer that arrives late is recorded only if nothing was recorded since.
 */
export async function runDueJobs(
  db: Kysely<DB>,
  handlers: JobHandlers,
  limit = 100,
  timeoutMs = HANDLER_TIMEOUT_MS,
): Promise<number> {
  let ran = 0;
  const kinds = Object.keys(handlers);
  while (ran < limit) {
    const job = await claimJob(db, kinds);
    if (!job) break;
    ran++;
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await withTimeout(handler(db, job), timeoutMs);
      await completeJob(db, job.id);
    } catch (err) {
      await failJob(db, job, err, { keepLease: err instanceof HandlerTimeout });
    }
  }
  return ran;
}

/** Polls for due jobs in the background; returns a stop function. */
export function startWorker(
  db: Kysely<DB>,
  handlers: JobHandlers,
  log: (err: unknown) => void,
  intervalMs = 1000,
) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(db, handlers)
      .catch(log)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer = setTimeout(tick, intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
