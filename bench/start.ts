// npx tsx bench/start.ts: how fast the product starts and how much memory it holds idle, as a store
// runs it: `npm start` on a fresh data folder (the first start: migrations, the demo store), then a
// second `npm start` on the same data, timed to the first answer of /health; the server process's
// resident memory (RSS) after it has sat idle for 5 s. On PGlite, the embedded database (its WASM
// PostgreSQL lives in the server's process), and on PostgreSQL (DATABASE_URL, a database of its
// own that the run creates and drops; PostgreSQL's memory is its own process's). Builds are made
// beforehand so neither start pays for one.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/db/connect.ts';
import { type Measure, table } from './report.ts';

const root = join(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** RSS in MB of a process and its descendants, from /proc. */
function rssOf(pid: number): { self: number; tree: number } {
  const rss = (p: number) => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  };
  const children = (p: number): number[] => {
    try {
      const list = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      return list ? list.split(/\s+/).map(Number) : [];
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i] as number));
  const server = all.at(-1) as number;
  return { self: rss(server), tree: all.reduce((s, p) => s + rss(p), 0) };
}

/** One `npm start`: on PGlite in `dataDir`, or on PostgreSQL at `databaseUrl`. */
async function start(dataDir: string, databaseUrl?: string) {
  const port = await freePort();
  const t0 = performance.now();
  const { DATABASE_URL: _pg, ...env } = process.env;
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      AFTERSALE_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error('npm start stopped before answering /health');
    if (performance.now() - t0 > 120_000) throw new Error('no answer on /health within 2 minutes');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 5000));
  const mem = rssOf(child.pid as number);
  const gone = new Promise((r) => child.on('exit', r));
  process.kill(-(child.pid as number), 'SIGTERM');
  await gone;
  return { seconds, ...mem };
}

/** Two starts on the same data: the first (migrations, demo store) and the second, measured. */
async function twoStarts(
  backend: 'pglite' | 'postgres',
  dir: string,
  databaseUrl?: string,
): Promise<Measure[]> {
  const first = await start(dir, databaseUrl);
  const second = await start(dir, databaseUrl);
  return [
    {
      name: 'first npm start, fresh data (migrations, demo store): to /health',
      backend,
      value: first.seconds,
      unit: 's',
      detail: `server RSS ${first.self.toFixed(0)} MB`,
    },
    {
      name: 'second npm start, same data: to /health',
      backend,
      value: second.seconds,
      unit: 's',
      target: { op: '<=', value: 2 },
    },
    {
      name: 'second npm start: idle server RSS after 5 s',
      backend,
      value: second.self,
      unit: 'MB',
      target: { op: '<=', value: 150 },
      detail: `npm and server together ${second.tree.toFixed(0)} MB`,
    },
  ];
}

/** The first and second `npm start` on PGlite, then on PostgreSQL when `url` is given. */
export async function benchStart(url?: string): Promise<Measure[]> {
  execFileSync(process.execPath, [join(root, 'scripts/ensure-web-build.mjs')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts/ensure-server-build.mjs')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'aftersale-start-'));
  const measures: Measure[] = [];
  try {
    measures.push(...(await twoStarts('pglite', dir)));
    if (!url) return measures;
    const name = `aftersale_bench_start_${process.pid}`;
    const admin = await openPostgres(url, 1);
    try {
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)}`.execute(admin.db);
      await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
      const u = new URL(url);
      u.pathname = `/${name}`;
      measures.push(...(await twoStarts('postgres', dir, u.toString())));
    } finally {
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
      await admin.close();
    }
    return measures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(table(await benchStart(loadConfig().databaseUrl)));
