// npm run bench: every figure issue 12 sets a target for, beside its target, on PGlite and on
// PostgreSQL (at DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; skipped with a note
// when none answers). Prints one Markdown table; with --write it also puts the table at the top of
// BENCHMARKS.md's "latest run" and moves the run that was there to "previous run".
//   npx tsx bench/run.ts [--scale=0.2] [--write] [--only=policy,start,http,ingest,analytics]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { benchAnalytics } from './analytics.ts';
import { benchHttp } from './http-bench.ts';
import { benchIngest } from './ingest.ts';
import { benchPolicy } from './policy.bench.ts';
import { type Measure, met, table } from './report.ts';
import { benchStart } from './start.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const scale = Number(arg('scale') ?? '1');
const only = arg('only')?.split(',');
const wanted = (part: string) => !only || only.includes(part);
const url = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const measures: Measure[] = [];
const notes: string[] = [];
const load0 = loadavg()[0] ?? 0;

async function part(name: string, run: () => Promise<Measure[]> | Measure[]) {
  if (!wanted(name)) return;
  process.stderr.write(`bench: ${name} …\n`);
  try {
    measures.push(...(await run()));
  } catch (err) {
    notes.push(`${name}: not measured (${err instanceof Error ? err.message : String(err)})`);
  }
}

await part('policy', () => benchPolicy(Math.round(100_000 * scale)));
await part('start', () => benchStart(url));
await part('http', () => benchHttp('pglite', undefined, scale));
await part('http', () => benchHttp('postgres', url, scale));
await part('ingest', () => benchIngest('pglite', undefined, scale));
await part('ingest', () => benchIngest('postgres', url, scale));
await part('analytics', () => benchAnalytics('pglite', undefined, scale));
await part('analytics', () => benchAnalytics('postgres', url, scale));

const missed = measures.filter((m) => met(m) === false).length;
const withTarget = measures.filter((m) => m.target).length;
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const report = [
  `### ${when} UTC: \`npx tsx bench/run.ts${scale === 1 ? '' : ` --scale=${scale}`}${only ? ` --only=${only.join(',')}` : ''}\``,
  '',
  `Node ${process.version}, ${cpus().length} cores, load average ${load0.toFixed(2)} at the start. ${withTarget - missed} of ${withTarget} targets met.`,
  '',
  table(measures),
  ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
].join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const file = join(import.meta.dirname, '..', 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const block = (name: string) =>
    new RegExp(`(<!-- bench:${name} -->\\n)([\\s\\S]*?)(\\n<!-- /bench:${name} -->)`);
  const latest = block('latest').exec(text)?.[2] ?? '';
  const next = text
    .replace(block('previous'), (_, a, _b, c) => `${a}${latest}${c}`)
    .replace(block('latest'), (_, a, _b, c) => `${a}${report}${c}`);
  writeFileSync(file, next);
  console.error('BENCHMARKS.md: this run is "latest", the one before it "previous".');
}
