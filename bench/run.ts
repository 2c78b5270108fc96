// npm run bench: the HTTP benchmarks on PGlite and, when DATABASE_URL is set (or PostgreSQL answers
// on 127.0.0.1:5432), on PostgreSQL. Prints a Markdown table for BENCHMARKS.md.
import { loadConfig } from '../src/config.ts';
import { benchHttp, type Stat } from './http-bench.ts';

const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? '1');
const url = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const rows: Stat[] = [];
rows.push(...(await benchHttp('pglite', undefined, scale)));
try {
  rows.push(...(await benchHttp('postgres', url, scale)));
} catch (err) {
  console.error(`PostgreSQL run skipped: ${err instanceof Error ? err.message : String(err)}`);
}

const f = (n: number, d = 1) => n.toFixed(d);
console.log('| what | n | per second | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|---:|');
// A bulk import is one long operation: it has a rate, not per-request latencies.
const ms = (r: Stat, v: number) => (r.p50 === 0 && r.p99 === 0 ? '–' : f(v));
for (const r of rows)
  console.log(`| ${r.name} | ${r.count} | ${f(r.perSecond)} | ${ms(r, r.p50)} | ${ms(r, r.p99)} |`);
