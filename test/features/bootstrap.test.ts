import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDecision, printReturn } from '../../src/cli/print.ts';
import type { Database } from '../../src/db/connect.ts';
import { RETURN_STATUSES } from '../../src/domain/returns/lifecycle.ts';
import { authenticateToken } from '../../src/features/auth/tokens.ts';
import { bootstrap } from '../../src/features/stores/bootstrap.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
const dataDir = mkdtempSync(join(tmpdir(), 'aftersale-boot-'));
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('first start', () => {
  it('seeds the demo store with returns in every status, and a working owner token', async () => {
    const boot = await bootstrap(database, {
      demo: true,
      bootstrapToken: 'bootstrap-token-0123456789',
      dataDir,
    });
    expect(boot.created).toBe(true);
    expect(boot.store.slug).toBe('demo');
    expect(boot.demoToken).toBe(readFileSync(join(dataDir, 'demo-token.txt'), 'utf8').trim());
    const actor = await authenticateToken(database.db, boot.demoToken as string);
    expect(actor).toMatchObject({ storeId: boot.store.id, role: 'owner' });
    expect(await authenticateToken(database.db, 'bootstrap-token-0123456789')).toMatchObject({
      role: 'owner',
    });

    const statuses = await database.db
      .selectFrom('cases')
      .select('status')
      .distinct()
      .where('store_id', '=', boot.store.id)
      .where('kind', '=', 'return')
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...RETURN_STATUSES].sort());
    const countries = await database.db
      .selectFrom('customers')
      .select('country')
      .where('store_id', '=', boot.store.id)
      .execute();
    expect(new Set(countries.map((c) => c.country))).toEqual(
      new Set(['DE', 'FR', 'ES', 'GB', 'US', 'CN', 'TW', 'RU', 'BR', 'JP', 'AU']),
    );
    const unfulfilled = await database.db
      .selectFrom('orders as o')
      .select('o.id')
      .where('o.store_id', '=', boot.store.id)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('fulfillments as f').select('f.order_id').whereRef('f.order_id', '=', 'o.id'))),
      )
      .execute();
    expect(unfulfilled.length).toBeGreaterThan(0);

    // suppliers in CN and DE with different terms, an open and a settled claim
    const suppliers = await database.db
      .selectFrom('suppliers')
      .select(['code', 'country', 'return_terms', 'terms_version'])
      .where('store_id', '=', boot.store.id)
      .where('terms_version', '>', 0)
      .orderBy('code')
      .execute();
    const terms = Object.fromEntries(
      suppliers.map((s) => [s.country, s.return_terms as Record<string, unknown>]),
    );
    expect(terms.CN).toMatchObject({ reasons: 'seller_fault', window_days: 15, currency: 'USD' });
    expect(terms.DE).toMatchObject({ reasons: 'any', window_days: 30, currency: 'EUR' });
    const claims = await database.db
      .selectFrom('supplier_claims')
      .select(['status', 'claimed_amount', 'credited_amount', 'currency'])
      .where('store_id', '=', boot.store.id)
      .orderBy('number')
      .execute();
    expect(claims.map((c) => c.status)).toEqual(['credited', 'acknowledged']);
    // the lost charger's cost (11.50 USD), credited in full
    expect(claims[0]).toMatchObject({ claimed_amount: 1150, credited_amount: 1150, currency: 'USD' });
    expect(claims[1]).toMatchObject({ claimed_amount: 3100, credited_amount: 0 });
  });

  it('changes nothing on the next start', async () => {
    const before = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await bootstrap(database, {
      demo: true,
      bootstrapToken: 'bootstrap-token-0123456789',
      dataDir,
    });
    expect(again.created).toBe(false);
    const after = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const tokens = await database.db
      .selectFrom('api_tokens')
      .select('name')
      .where('name', '=', 'bootstrap')
      .execute();
    expect(tokens).toHaveLength(2); // the demo owner token and the bootstrap token, each once
  });

  it('prints a return and a policy decision for the terminal', async () => {
    const store = await database.db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
    const completed = await database.db
      .selectFrom('cases')
      .select('number')
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    const text = await printReturn(database.db, store.id, completed.number);
    expect(text).toContain(completed.number);
    expect(text).toContain('COMPLETED');
    expect(text).toMatch(/timeline:\n.*requested/);
    const decision = await printDecision(database.db, store.id, '1001', {
      reason: 'changed_mind',
      lang: 'en',
    });
    expect(decision).toMatch(/^Order 1001, policy v2/);
    expect(decision).toContain('Directive 2011/83/EU');
  });
});
