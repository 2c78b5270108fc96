// An in-process app on a fresh test database, with one store and a token per role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/connect.ts';
import { ROLES, type Role } from '../src/domain/roles.ts';
import { createApiToken } from '../src/features/auth/tokens.ts';
import type { SenderDeps } from '../src/features/notifications/send-message.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import type { Store } from '../src/features/stores/stores.queries.ts';
import { supplierMailAttachments } from '../src/features/suppliers/claim-mail.ts';
import { type AppDeps, buildApp } from '../src/http/app.ts';
import { SecretBox } from '../src/integrations/secret-box.ts';
import { diskFileStore } from '../src/integrations/storage/file-store.ts';
import { jobHandlers } from '../src/jobs/handlers.ts';
import { runDueJobs } from '../src/jobs/queue.ts';
import { openTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  store: Store;
  tokens: Record<Role, string>;
  /** the file store's folder (evidence) */
  filesDir: string;
  /** Sends a request as the given role (owner by default). */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    opts?: { role?: Role; token?: string | null; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

export const testStoreInput = {
  slug: 'test-store',
  name: 'Test Store',
  currency: 'EUR',
  time_zone: 'Europe/Berlin',
  languages: ['en', 'de'],
  return_address: {
    name: 'Test Store Returns',
    line1: 'Lagerstr. 5',
    line2: null,
    city: 'Hamburg',
    region: null,
    postal_code: '20095',
    country: 'DE',
  },
};

/** /metrics is served only with a token (AFTERSALE_METRICS_TOKEN); the test app sets this one. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';
/** AFTERSALE_SECRET_KEY of the test app: integrations' secrets are sealed with it. */
export const TEST_SECRET_KEY = 'test-secret-key-0123456789-abcdefghij';

export async function createTestApp(
  options: Pick<AppDeps, 'evidenceLimits' | 'analyticsDatabase'> & { sender?: Partial<SenderDeps> } = {},
): Promise<TestApp> {
  const { sender: senderOptions, ...appOptions } = options;
  const database = await openTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'aftersale-files-'));
  const { store, tokens } = await database.db.transaction().execute(async (trx) => {
    const { store } = await createStore(trx, testStoreInput);
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES)
      tokens[role] = (await createApiToken(trx, { storeId: store.id, role, name: role })).token;
    return { store, tokens };
  });
  const app = await buildApp({
    database,
    publicUrl: 'http://localhost:3000',
    metricsToken: TEST_METRICS_TOKEN,
    files: diskFileStore(filesDir),
    secretKeys: [TEST_SECRET_KEY],
    ...appOptions,
  });
  const sender: SenderDeps = {
    mailer: null,
    from: null,
    publicUrl: 'http://localhost:3000',
    attachmentsFor: supplierMailAttachments(diskFileStore(filesDir)),
    ...senderOptions,
  };
  return {
    app,
    database,
    store,
    tokens,
    call(method, url, body, opts = {}) {
      const token = opts.token === undefined ? tokens[opts.role ?? 'owner'] : opts.token;
      return app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
      });
    },
    runJobs: () => runDueJobs(database.db, jobHandlers(undefined, new SecretBox([TEST_SECRET_KEY]), sender)),
    filesDir,
    async close() {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
