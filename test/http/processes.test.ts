// Several processes, one database. On PostgreSQL: a real `aftersale serve` (HTTP and job worker in
// one process), a `serve --workers 2` (a cluster: two HTTP processes on another port, the job
// worker in its primary) and an `aftersale worker`, started at once on one empty database, behave as
// one server: one store bootstrapped, each refund paid once by three job workers, an idempotent
// request replayed on the other server answers the first result, a session works (and ends) on
// both, the sign-in rate limit counts the hits of both, and a killed cluster process is replaced.
// On PGlite, which is one process holding its data folder, `serve --workers 2` and `worker` refuse
// and say why.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { createUser } from '../../src/features/auth/sessions.ts';
import { makeOrder } from '../builders.ts';
import { openTestDatabase } from '../db.ts';
import { type StandIn, startStandIn } from '../stand-in.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OWNER_TOKEN = 'as_processes_test_owner_0123456789';
const SECRET_KEY = 'processes-test-secret-key-0123456789-abcdef';

/** The environment a newcomer's shell would have, without this run's database settings. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|AFTERSALE_|PORT$|HOST$|LOG_LEVEL$)/.test(k)),
  );
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function aftersale(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(what: string, proc: Proc, check: () => Promise<T | undefined>, ms = 45_000) {
  const end = Date.now() + ms;
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < end) {
    if (exitCode !== undefined)
      throw new Error(`${what}: the process ended (${exitCode}):\n${proc.output()}`);
    const got = await check().catch(() => undefined);
    if (got !== undefined) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready after ${ms} ms:\n${proc.output()}`);
}

async function stop(proc: Proc | undefined) {
  if (!proc || proc.child.exitCode !== null) return;
  proc.child.kill('SIGTERM');
  const kill = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
  await proc.exited;
  clearTimeout(kill);
}

const template = inject('dbTemplate');

if (template.kind === 'pglite') {
  describe('several processes on PGlite', () => {
    it('`serve --workers 2`, AFTERSALE_WORKERS=2 and `worker` refuse, saying PostgreSQL is needed', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'aftersale-procs-'));
      const env = baseEnv({ AFTERSALE_DATA_DIR: dataDir });
      const runs = [
        aftersale(['serve', '--workers', '2'], env),
        aftersale(['serve'], { ...env, AFTERSALE_WORKERS: '2' }),
        aftersale(['worker'], env),
      ];
      for (const run of runs) {
        expect(await run.exited, run.output()).toBe(1);
        expect(run.output()).toMatch(/PGlite \(no DATABASE_URL\) is one process holding its data folder/);
        expect(run.output()).toMatch(/need PostgreSQL\. Set DATABASE_URL/);
      }
      // refused before anything opened the data folder
      expect(readdirSync(dataDir)).toEqual([]);
    });
  });
} else {
  describe('a server, a cluster and a worker on one PostgreSQL', () => {
    let database: Database & { url?: string };
    let stripe: StandIn;
    const refundCalls: string[] = [];
    const procs: Proc[] = [];
    const base: string[] = [];

    beforeAll(async () => {
      database = await openTestDatabase();
      stripe = await startStandIn((req, res) => {
        res.setHeader('content-type', 'application/json');
        // every call counts, even one repeating an Idempotency-Key: a job run twice shows here
        refundCalls.push(String(req.headers['idempotency-key']));
        const form = new URLSearchParams(req.body);
        res.end(
          JSON.stringify({
            id: `re_procs_${refundCalls.length}`,
            object: 'refund',
            amount: Number(form.get('amount')),
            charge: form.get('charge'),
            currency: 'eur',
            status: 'succeeded',
            metadata: {},
          }),
        );
      });
      const env = {
        DATABASE_URL: database.url ?? '',
        AFTERSALE_DEMO: 'false',
        AFTERSALE_BOOTSTRAP_TOKEN: OWNER_TOKEN,
        AFTERSALE_SECRET_KEY: SECRET_KEY,
      };
      const ports = [await freePort(), await freePort()];
      // all three at once on an empty database: they must not bootstrap twice
      for (const [i, port] of ports.entries()) {
        procs.push(
          aftersale(
            i === 0 ? ['serve'] : ['serve', '--workers', '2'],
            baseEnv({
              ...env,
              PORT: String(port),
              HOST: '127.0.0.1',
              AFTERSALE_DATA_DIR: mkdtempSync(join(tmpdir(), 'aftersale-procs-')),
            }),
          ),
        );
        base.push(`http://127.0.0.1:${port}`);
      }
      const worker = aftersale(
        ['worker'],
        baseEnv({ ...env, AFTERSALE_DATA_DIR: mkdtempSync(join(tmpdir(), 'aftersale-procs-')) }),
      );
      procs.push(worker);
      await Promise.all([
        ...procs
          .slice(0, 2)
          .map((p, i) =>
            until(`server ${i + 1}`, p, async () =>
              (await fetch(`${base[i]}/health`)).ok ? true : undefined,
            ),
          ),
        until('worker', worker, async () => (/worker is running/.test(worker.output()) ? true : undefined)),
      ]);
    }, 60_000);

    afterAll(async () => {
      await Promise.all(procs.map(stop));
      await stripe?.close();
      await database?.close();
    });

    const call = async (
      server: number,
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = { authorization: `Bearer ${OWNER_TOKEN}` },
    ) => {
      const res = await fetch(`${base[server]}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, json: () => JSON.parse(text), headers: res.headers };
    };

    it('bootstraps one store, whichever process came first', async () => {
      const stores = await database.db.selectFrom('stores').select('slug').execute();
      expect(stores).toEqual([{ slug: 'default' }]);
    });

    it('pays each refund once with three job workers, and a replay on the other server answers the first result', async () => {
      const put = await call(0, 'PUT', '/api/v1/integrations/stripe', {
        api_key: 'sk_test_0123456789abcdef',
        webhook_secret: 'whsec_processes_test',
        base_url: stripe.url,
      });
      expect(put.status, put.text).toBe(200);
      const refunds: string[] = [];
      for (const n of [1, 2, 3, 4]) {
        const server = n % 2;
        const order = (
          await call(
            server,
            'POST',
            '/api/v1/orders',
            makeOrder({
              payments: [{ provider: 'stripe', reference: `ch_procs_${n}`, amount: 10612 }],
            }),
          )
        ).json();
        const created = await call(server, 'POST', '/api/v1/cases', {
          kind: 'inquiry',
          order_id: order.id,
          data: { subject: 'Late', message: 'Where is it?' },
        });
        expect(created.status, created.text).toBeLessThan(300);
        const resolve = (s: number) =>
          call(
            s,
            'POST',
            `/api/v1/cases/${created.json().id}/resolve`,
            { resolution: { type: 'refund', amount: 1500, goodwill: true, message: 'Sorry' } },
            { authorization: `Bearer ${OWNER_TOKEN}`, 'idempotency-key': `procs-${n}` },
          );
        const first = await resolve(server);
        expect(first.status, first.text).toBe(200);
        refunds.push(first.json().refunds[0].id);
        // the same request on the other process: the first answer, nothing done again
        const replay = await resolve(1 - server);
        expect(replay.status).toBe(first.status);
        expect(replay.json()).toEqual(first.json());
      }
      const refundRows = () =>
        database.db.selectFrom('refunds').select(['id', 'status']).where('provider', '=', 'stripe').execute();
      expect((await refundRows()).map((r) => r.id).sort()).toEqual([...refunds].sort());
      // woken by NOTIFY, not by a poll: well within the 30 s fallback
      const end = Date.now() + 10_000;
      while (Date.now() < end && (await refundRows()).some((r) => r.status !== 'succeeded'))
        await new Promise((r) => setTimeout(r, 100));
      expect((await refundRows()).every((r) => r.status === 'succeeded')).toBe(true);
      // a second run would have called by now; give it a moment to show
      await new Promise((r) => setTimeout(r, 1000));
      expect(refundCalls).toHaveLength(4);
      expect(new Set(refundCalls).size).toBe(4);
      for (const id of refunds) expect(refundCalls.some((k) => k.includes(id))).toBe(true);
    });

    it('a session made on one server is valid on the other, and ends on both', async () => {
      const store = await database.db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
      await database.db.transaction().execute((trx) =>
        createUser(trx, {
          storeId: store.id,
          email: 'agent@example.com',
          name: 'Aiko',
          role: 'agent',
          password: 'correct horse battery',
        }),
      );
      const signIn = await call(0, 'POST', '/api/v1/session', {
        email: 'agent@example.com',
        password: 'correct horse battery',
      });
      expect(signIn.status, signIn.text).toBe(200);
      const cookie = /as_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
      expect(cookie).not.toBe('');
      const me = await call(1, 'GET', '/api/v1/session', undefined, { cookie });
      expect(me.status, me.text).toBe(200);
      expect(me.json().user.email).toBe('agent@example.com');
      expect(me.json().csrf_token).toBe(signIn.json().csrf_token);
      const out = await call(1, 'DELETE', '/api/v1/session', undefined, {
        cookie,
        'x-csrf-token': signIn.json().csrf_token,
      });
      expect(out.status, out.text).toBe(204);
      expect((await call(0, 'GET', '/api/v1/session', undefined, { cookie })).status).toBe(401);
    });

    it('counts the sign-in rate limit over both servers', async () => {
      // 10 a minute per address; the sign-in above was the first
      const statuses: number[] = [];
      for (let i = 2; i <= 12; i++) {
        const res = await call(i % 2, 'POST', '/api/v1/session', {
          email: `nobody-${i}@example.com`,
          password: 'wrong',
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
    });

    it('replaces a cluster process that dies, so the port keeps answering', async () => {
      const cluster = procs[1] as Proc;
      const pids = /Processes: HTTP ([\d, ]+);/.exec(cluster.output())?.[1]?.split(', ').map(Number) ?? [];
      expect(pids).toHaveLength(2);
      for (const [i, pid] of pids.entries()) {
        process.kill(pid, 'SIGKILL');
        await until(`restart ${i + 1}`, cluster, async () =>
          cluster.output().includes(`HTTP process ${pid} ended (SIGKILL); starting another`)
            ? true
            : undefined,
        );
        // both original processes dead: what answers is a replacement
        await until(`answers after kill ${i + 1}`, cluster, async () =>
          (await fetch(`${base[1]}/health`)).ok ? true : undefined,
        );
      }
      for (let i = 0; i < 6; i++) expect((await fetch(`${base[1]}/health`)).status).toBe(200);
    });
  });
}
