// Operations: a revoked bootstrap token stays revoked and the server still starts; demo accounts
// are never seeded on a server database unless asked, and are reported while they exist; /metrics
// is off unless a token is configured, and then needs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connect.ts';
import { authenticateToken, hashToken } from '../../src/features/auth/tokens.ts';
import { DEMO_USERS } from '../../src/features/demo/seed-demo.ts';
import { bootstrap } from '../../src/features/stores/bootstrap.ts';
import { buildApp } from '../../src/http/app.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
const dataDir = mkdtempSync(join(tmpdir(), 'aftersale-ops-'));
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bootstrap token', () => {
  it('stays revoked when the variable is still set, and the next start goes on', async () => {
    const config = { demo: false, bootstrapToken: 'bootstrap-ops-0123456789', dataDir };
    const first = await bootstrap(database, config);
    expect(first.store.slug).toBe('default');
    expect(first.demoAccounts).toEqual([]);
    expect(await authenticateToken(database.db, config.bootstrapToken)).toMatchObject({ role: 'owner' });
    await database.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('token_hash', '=', hashToken(config.bootstrapToken))
      .execute();

    const again = await bootstrap(database, config);
    expect(again.bootstrapTokenRevoked).toBe(true);
    expect(await authenticateToken(database.db, config.bootstrapToken)).toBeUndefined();
    const rows = await database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', hashToken(config.bootstrapToken))
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('demo data', () => {
  it('is off by default on a server database, on by default on PGlite, and on when asked', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/aftersale';
    expect(loadConfig({ DATABASE_URL: url }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, AFTERSALE_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ AFTERSALE_DEMO: 'false' }).demo).toBe(false);
  });

  it('reports the demo accounts while they exist', async () => {
    const db = await openTestDatabase();
    try {
      const boot = await bootstrap(db, { demo: true, bootstrapToken: undefined, dataDir });
      expect(boot.store.slug).toBe('demo');
      expect([...boot.demoAccounts].sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
      // every kind of case, in more than one status across the demo
      const cases = await db.db
        .selectFrom('cases')
        .select(['kind', 'status'])
        .where('store_id', '=', boot.store.id)
        .where('kind', '<>', 'return')
        .execute();
      const statuses = (kind: string) => new Set(cases.filter((c) => c.kind === kind).map((c) => c.status));
      expect([...new Set(cases.map((c) => c.kind))].sort()).toEqual([
        'address_change',
        'cancellation',
        'delivery_delay',
        'dispute',
        'inquiry',
        'item_problem',
        'lost_parcel',
      ]);
      expect([...statuses('lost_parcel')].sort()).toEqual(['open', 'resolved']);
      expect([...statuses('address_change')].sort()).toEqual(['resolved', 'waiting_carrier']);
      expect([...statuses('item_problem')].sort()).toEqual(['open', 'waiting_customer']);
      expect([...statuses('dispute')].sort()).toEqual(['open', 'submitted']);
    } finally {
      await db.close();
    }
  });
});

describe('/metrics', () => {
  it('is not served without a metrics token', async () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    const app = await buildApp({ database, publicUrl: 'http://localhost:3000' });
    try {
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    } finally {
      await app.close();
    }
  });

  it('needs the token when one is set', async () => {
    const metricsToken = loadConfig({ AFTERSALE_METRICS_TOKEN: 'metrics-secret-0123456789' }).metricsToken;
    expect(metricsToken).toBe('metrics-secret-0123456789');
    expect(() => loadConfig({ AFTERSALE_METRICS_TOKEN: 'short' })).toThrow(/AFTERSALE_METRICS_TOKEN/);
    const app = await buildApp({ database, publicUrl: 'http://localhost:3000', metricsToken });
    try {
      const none = await app.inject({ method: 'GET', url: '/metrics' });
      expect(none.statusCode).toBe(401);
      expect(none.json().code).toBe('unauthorized');
      const wrong = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer nope' },
      });
      expect(wrong.statusCode).toBe(401);
      await app.inject({ method: 'GET', url: '/health' });
      const right = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} [1-9]/,
      );
    } finally {
      await app.close();
    }
  });
});
