// A store for @fastify/rate-limit that counts in the database, so that every process and host
// behind one PostgreSQL shares each limit (its default store counts in the memory of one process,
// which N processes would multiply by N). One upsert per hit; ended windows are swept at most once
// a minute per process, on a hit, so an idle server sends nothing. Used on PGlite too: one code
// path, and a limit that survives a restart.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Count, countHit, deleteEndedWindows, readCount } from './rate-limits.queries.ts';

type Callback = (error: Error | null, result?: Count) => void;
const SWEEP_EVERY_MS = 60_000;

export function databaseRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    deleteEndedWindows(db).catch((err) => process.emitWarning(`rate limit sweep: ${err}`));
  };
  const reply = (work: Promise<Count>, cb: Callback) =>
    work.then(
      (count) => cb(null, count),
      (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
    );

  class DatabaseStore implements FastifyRateLimitStore {
    /** the route's method and path: each limited route counts on its own */
    constructor(
      _options: unknown,
      private readonly scope = '',
    ) {}
    incr(key: string, cb: Callback, timeWindow: number): void {
      reply(countHit(db, `${this.scope}|${key}`, timeWindow), cb);
      sweep();
    }
    read(key: string, cb: Callback): void {
      reply(readCount(db, `${this.scope}|${key}`), cb);
    }
    child(routeOptions: object): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseStore(routeOptions, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}`);
    }
  }
  return DatabaseStore;
}
