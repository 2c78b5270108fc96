// A transactional outbox. enqueue() runs inside the caller's transaction, so the job exists exactly
// when the change that needs it committed. The worker takes one due job at a time with
// FOR UPDATE SKIP LOCKED; a crash mid-job leaves it due again, and handlers pass a key derived from
// the job to providers so a retry never doubles an effect.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB, Tx } from '../db/schema.ts';

export type JobHandler = (
  trx: Tx,
  job: { id: number; store_id: string; payload: unknown; attempts: number },
) => Promise<void>;
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

export const MAX_ATTEMPTS = 8;
const backoffSeconds = (attempt: number) => Math.min(3600, 5 * 2 ** attempt);

/** Runs due jobs until none is left or `limit` ran; returns how many ran (successfully or not). */
export async function runDueJobs(db: Kysely<DB>, handlers: JobHandlers, limit = 100): Promise<number> {
  let ran = 0;
  while (ran < limit) {
    const took = await db.transaction().execute(async (trx) => {
      const job = await trx
        .selectFrom('jobs')
        .select(['id', 'store_id', 'kind', 'payload', 'attempts'])
        .where('done_at', 'is', null)
        .where('run_at', '<=', new Date())
        .where('attempts', '<', MAX_ATTEMPTS)
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!job) return false;
      const handler = handlers[job.kind];
      // The handler's writes live in a savepoint: a failure undoes them but keeps the job row lock,
      // so the failure can be recorded in the same transaction.
      await sql`SAVEPOINT job`.execute(trx);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(trx, job);
        await sql`RELEASE SAVEPOINT job`.execute(trx);
        await trx
          .updateTable('jobs')
          .set({ done_at: new Date(), attempts: job.attempts + 1 })
          .where('id', '=', job.id)
          .execute();
      } catch (err) {
        await sql`ROLLBACK TO SAVEPOINT job`.execute(trx);
        await trx
          .updateTable('jobs')
          .set({
            attempts: job.attempts + 1,
            last_error: String(err instanceof Error ? err.message : err).slice(0, 2000),
            run_at: sql<Date>`now() + make_interval(secs => ${backoffSeconds(job.attempts)})`,
          })
          .where('id', '=', job.id)
          .execute();
      }
      return true;
    });
    if (!took) break;
    ran++;
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
