// Issue 12: the console's analytics over a store of 100,000 returns (scale 1) answer in under 200 ms
// on PostgreSQL. The store is written set-based (analytics-data.ts), then each endpoint the console
// calls is asked over real HTTP on loopback, one request at a time: 2 warm-ups, then `runs` timed.
// The figure is the median. PGlite is held to the same 200 ms: the console asks it the same
// questions.
//   npx tsx bench/analytics.ts [--scale=0.2]
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { createApiToken } from '../src/features/auth/tokens.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { buildApp } from '../src/http/app.ts';
import { testStoreInput } from '../test/app.ts';
import { generateAnalyticsStore } from './analytics-data.ts';
import { openBackend } from './http-bench.ts';
import { type Measure, table } from './report.ts';

const DAY = 86_400_000;

/** What the console asks for (web/src/api/analytics.ts, the breakdown and scorecard cards). */
function endpoints(now: Date): { name: string; url: string }[] {
  const year = new URLSearchParams({
    from: new Date(now.getTime() - 365 * DAY).toISOString(),
    to: now.toISOString(),
    interval: 'month',
  });
  const breakdowns = ['product', 'category', 'country', 'reason', 'segment', 'supplier'].map((d) => ({
    name: `breakdown by ${d}, 90 days`,
    url: `/api/v1/analytics/breakdown?dimension=${d}&limit=500`,
  }));
  return [
    { name: 'summary, 90 days by week', url: '/api/v1/analytics/summary' },
    { name: 'summary, 12 months by month', url: `/api/v1/analytics/summary?${year}` },
    ...breakdowns,
    {
      name: 'breakdown by product, 12 months',
      url: `/api/v1/analytics/breakdown?dimension=product&limit=500&from=${encodeURIComponent(year.get('from') ?? '')}`,
    },
    { name: 'cases by kind, 90 days', url: '/api/v1/analytics/cases' },
    { name: 'cases by product, 90 days', url: '/api/v1/analytics/cases?dimension=product' },
    { name: 'breakdown.csv by product, 90 days', url: '/api/v1/analytics/breakdown.csv?dimension=product' },
    { name: 'supplier scorecard by supplier, 90 days', url: '/api/v1/analytics/suppliers?by=supplier' },
    { name: 'supplier scorecard by SKU, 90 days', url: '/api/v1/analytics/suppliers?by=sku' },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export async function benchAnalytics(
  kind: 'pglite' | 'postgres',
  url: string | undefined,
  scale: number,
  runs = 15,
): Promise<Measure[]> {
  const { database, cleanup } = await openBackend(kind, url);
  const out: Measure[] = [];
  try {
    await migrate(database);
    const { token, storeId } = await database.db.transaction().execute(async (trx) => {
      const { store } = await createStore(trx, testStoreInput);
      const created = await createApiToken(trx, { storeId: store.id, role: 'read_only', name: 'bench' });
      return { token: created.token, storeId: store.id };
    });
    const made = await generateAnalyticsStore(database, storeId, scale);
    const counted = await sql<{ returns: number; lines: number }>`SELECT
      (SELECT count(*) FROM returns) AS returns, (SELECT count(*) FROM order_lines) AS lines`.execute(
      database.db,
    );
    out.push({
      name: 'analytics store written (set-based SQL, then VACUUM (ANALYZE))',
      backend: kind,
      value: made.seconds,
      unit: 's',
      detail: `${made.orders} orders, ${counted.rows[0]?.lines} lines, ${counted.rows[0]?.returns} returns, ${made.otherCases} other cases`,
    });
    const app = await buildApp({ database, publicUrl: 'http://localhost', logLevel: 'warn' });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      for (const e of endpoints(new Date())) {
        const times: number[] = [];
        for (let i = 0; i < runs + 2; i++) {
          const t0 = performance.now();
          const res = await fetch(`${base}${e.url}`, { headers: { authorization: `Bearer ${token}` } });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`${e.url}: ${res.status} ${body.slice(0, 300)}`);
          if (i >= 2) times.push(performance.now() - t0);
        }
        out.push({
          name: `GET ${e.name}: median`,
          backend: kind,
          value: median(times),
          unit: 'ms',
          target: { op: '<=', value: 200 },
          detail: `${runs} requests, max ${Math.max(...times).toFixed(0)} ms`,
        });
      }
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? '1');
  const url = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const measures: Measure[] = [];
  if (only !== 'pglite') measures.push(...(await benchAnalytics('postgres', url, scale)));
  if (only !== 'postgres') measures.push(...(await benchAnalytics('pglite', undefined, scale)));
  console.log(table(measures));
}
