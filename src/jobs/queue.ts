// A transactional outbox. enqueue() runs inside the caller's transaction, so the job exists exactly
// when the change that needs it committed. The worker claims one due job at a time in a short
// transaction (FOR UPDATE SKIP LOCKED) that leases it and counts the attempt, then runs the handler
// with no transaction open: a provider call may wait seconds on the network, and must hold neither
// row locks nor a connection (PGlite has only one) meanwhile. A worker that dies mid-job leaves the
// job to be claimed again once its lease ends; handlers pass providers a key derived from the job,
// so a retry never doubles an effect, and record their outcome in the transaction that calls
// completeJob(), so it is recorded once. A trigger on jobs notifies JOBS_CHANNEL, delivered on commit,
// so idle workers in every process wake at once instead of polling.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB, Tx } from '../db/schema.ts';
import { type Alongside, writeTogether } from '../db/with.ts';

/** NOTIFY channel: a job was enqueued (sent in the enqueuing transaction, so delivered on commit). */
export const JOBS_CHANNEL = 'aftersale_jobs';

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
  // the insert's trigger notifies JOBS_CHANNEL: the workers wake on commit
}

/** A job's row, as a write to send beside the row it is about (its trigger wakes the workers on commit). */
export function jobInsert(storeId: string, kind: string, payload: unknown, runAt: Date): Alongside {
  return (db) =>
    db
      .insertInto('jobs')
      .values({ store_id: storeId, kind, payload: JSON.stringify(payload), run_at: runAt });
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
  alongside: Alongside | readonly Alongside[],
): Promise<void> {
  await writeTogether(trx, [
    ...(Array.isArray(alongside) ? alongside : [alongside as Alongside]),
    jobInsert(storeId, kind, payload, runAt),
  ]);
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

/**
 * Milliseconds until the next job of these kinds can be claimed: the later of its `run_at` and the
 * end of its lease. Undefined when none is waiting.
 */
async function msUntilNextJob(db: Kysely<DB>, kinds: string[]): Promise<number | undefined> {
  if (kinds.length === 0) return undefined;
  const row = await db
    .selectFrom('jobs')
    .select(
      sql<
        number | null
      >`extract(epoch from min(greatest(run_at, coalesce(locked_until, run_at))) - now()) * 1000`.as('ms'),
    )
    .where('done_at', 'is', null)
    .where('kind', 'in', kinds)
    .where('attempts', '<', MAX_ATTEMPTS)
    .executeTakeFirst();
  return row?.ms == null ? undefined : Number(row.ms);
}

export interface WorkerOptions {
  /** the longest an idle worker sleeps without a notification (a missed one, a clock gone wrong) */
  fallbackMs?: number;
  /** the shortest sleep: a job due now that another worker is claiming must not spin this one */
  minSleepMs?: number;
}

/**
 * Runs due jobs in the background, woken by JOBS_CHANNEL (every enqueue, from any process on this
 * database) and otherwise asleep until the next job falls due or its lease ends, or at most
 * `fallbackMs`. Notifications that arrive during a run are folded into one more run. Returns the
 * stop function, which waits for the run in flight.
 */
export async function startWorker(
  database: Pick<Database, 'db' | 'listen'>,
  handlers: JobHandlers,
  log: (err: unknown) => void,
  { fallbackMs = 30_000, minSleepMs = 1000 }: WorkerOptions = {},
): Promise<() => Promise<void>> {
  const { db } = database;
  const kinds = Object.keys(handlers);
  const batch = 100;
  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sleep = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(wake, Math.min(fallbackMs, Math.max(minSleepMs, ms)));
  };
  const run = async () => {
    do {
      again = false;
      // a full batch may have left due jobs behind
      if ((await runDueJobs(db, handlers, batch)) >= batch) again = true;
    } while (again && !stopped);
    return msUntilNextJob(db, kinds);
  };
  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = run()
      .then(
        (ms) => ms ?? fallbackMs,
        (err) => {
          log(err);
          return fallbackMs;
        },
      )
      .then((ms) => {
        running = undefined;
        // a notification that came after the last look must not wait for the timer
        if (again) wake();
        else sleep(ms);
      });
  }

  // A lost LISTEN connection may have missed notifications: look at once.
  const unsubscribe = await database.listen(JOBS_CHANNEL, wake, wake);
  wake();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await unsubscribe();
    await running;
  };
}
