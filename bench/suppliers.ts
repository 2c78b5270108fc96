// npx tsx bench/suppliers.ts: the supplier scorecard, reconciliation and claims pages over HTTP on
// PostgreSQL, on the imported Olist sample (../shared/data/olist-10k-2017: 10,000 orders of 2017,
// its ~2,000 sellers as suppliers with terms). One order in twelve gets a return (seller fault or a
// change of mind), walked through request, receipt, inspection and refund at 2017 dates, and each
// inspected faulty unit a claim that is sent, decided and mostly credited. Then each page is asked
// 40 times in a row; the target is under 300 ms (issue 11).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { supplierTermsSchema } from '../src/domain/suppliers/terms.ts';
import type { Actor } from '../src/features/auth/actor.ts';
import { createApiToken } from '../src/features/auth/tokens.ts';
import { upsertSuppliers } from '../src/features/catalog/catalog.queries.ts';
import { readOlist, readOlistSuppliers } from '../src/features/orders/import-olist.ts';
import { importOrders } from '../src/features/orders/import-orders.ts';
import { inspectReturn } from '../src/features/returns/inspect-return.ts';
import { receiveReturn } from '../src/features/returns/receive-return.ts';
import { requestReturn } from '../src/features/returns/request-return.ts';
import { resolveReturn } from '../src/features/returns/resolve-return.ts';
import { getReturn } from '../src/features/returns/returns.queries.ts';
import { approveReturn } from '../src/features/returns/review-return.ts';
import { createStore } from '../src/features/stores/create-store.ts';
import { claimStep } from '../src/features/suppliers/claims.ts';
import { createClaim } from '../src/features/suppliers/create-claim.ts';
import { buildApp } from '../src/http/app.ts';
import { testStoreInput } from '../test/app.ts';

const DAY = 86_400_000;
const dir = join(import.meta.dirname, '../../shared/data/olist-10k-2017');
if (!existsSync(join(dir, 'orders.csv'))) throw new Error(`${dir} is missing: the Olist sample is needed`);
const url = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `aftersale_bench_suppliers_${process.pid}`;
const admin = await openPostgres(url, 1);
await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openPostgres(u.toString(), 10);
const ms = (t0: number) => performance.now() - t0;

try {
  await migrate(database);
  const { storeId, token } = await database.db.transaction().execute(async (trx) => {
    const { store } = await createStore(trx, { ...testStoreInput, currency: 'BRL' });
    const created = await createApiToken(trx, { storeId: store.id, role: 'owner', name: 'bench' });
    return { storeId: store.id, token: created.token };
  });
  const actor: Actor = { storeId, role: 'owner', label: 'bench' };

  let t0 = performance.now();
  const sellers = await readOlistSuppliers(dir);
  await database.db.transaction().execute((trx) =>
    upsertSuppliers(
      trx,
      storeId,
      sellers.map((s, i) => ({
        code: s.code,
        name: s.name,
        country: s.country,
        email: null,
        terms: supplierTermsSchema.parse({
          currency: 'BRL',
          reasons: i % 3 === 0 ? 'any' : 'seller_fault',
          window_days: [7, 15, 30][i % 3],
          claim_deadline_days: 30,
        }),
      })),
    ),
  );
  const imported = await importOrders(
    database,
    storeId,
    (async function* () {
      for await (const r of readOlist(dir))
        yield 'order' in r ? r : { external_id: r.external_id, errors: r.errors };
    })(),
  );
  console.error(
    `imported ${imported.created} orders and ${sellers.length} suppliers in ${(ms(t0) / 1000).toFixed(1)} s`,
  );

  // returns at 2017 dates: one delivered order in twelve
  t0 = performance.now();
  const delivered = await database.db
    .selectFrom('orders as o')
    .innerJoin('fulfillments as f', 'f.order_id', 'o.id')
    .innerJoin('order_lines as l', (j) => j.onRef('l.order_id', '=', 'o.id').on('l.position', '=', 0))
    .select(['o.id', 'f.delivered_at', 'l.line_id'])
    .where('o.store_id', '=', storeId)
    .where('f.delivered_at', 'is not', null)
    .orderBy('o.placed_at')
    .execute();
  const reasons = [
    'defective',
    'wrong_item',
    'changed_mind',
    'damaged_in_transit',
    'not_as_described',
    'style',
  ] as const;
  let returns = 0;
  let claims = 0;
  for (const [i, o] of delivered.entries()) {
    const deliveredAt = o.delivered_at;
    if (i % 12 !== 0 || !deliveredAt) continue;
    const reason = reasons[(i / 12) % reasons.length] as (typeof reasons)[number];
    const at = (days: number) => new Date(deliveredAt.getTime() + days * DAY);
    await database.db.transaction().execute(async (trx) => {
      const id = await requestReturn(
        trx,
        actor,
        {
          order_id: o.id,
          lines: [{ line_id: o.line_id, quantity: 1, reason, note: '', opened: false }],
          resolution: { type: 'refund' },
          method: 'drop_off',
        } as never,
        at(3),
      ).catch(() => null);
      if (!id) return;
      returns++;
      if ((await getReturn(trx, storeId, id))?.status === 'requested') await approveReturn(trx, actor, id);
      await receiveReturn(trx, actor, id, { lines: [{ line_id: o.line_id, quantity: 1 }] }, at(12));
      const faulty = reason !== 'changed_mind' && reason !== 'style';
      await inspectReturn(
        trx,
        actor,
        id,
        {
          lines: [
            {
              line_id: o.line_id,
              grade: faulty ? 'C' : 'A',
              checklist: {},
              disposition: faulty ? 'return_to_supplier' : 'restock',
              deduction: { amount: 0, reason: '' },
            },
          ],
        },
        at(13),
      );
      await resolveReturn(trx, actor, id, {}, at(14));
      if (!faulty) return;
      const order = await trx
        .selectFrom('order_lines')
        .select('supplier')
        .where('order_id', '=', o.id)
        .where('line_id', '=', o.line_id)
        .executeTakeFirstOrThrow();
      const claimId = await createClaim(
        trx,
        actor,
        {
          supplier: order.supplier as string,
          all_claimable: false,
          items: [{ case_id: id }],
          manual_lines: [],
          despite_terms: true,
          note: '',
        },
        at(15),
      );
      claims++;
      await claimStep(trx, actor, claimId, { step: 'send', note: '', email: false }, at(15));
      if (claims % 5 === 0) return claimStep(trx, actor, claimId, { step: 'reject', reason: 'late' }, at(25));
      await claimStep(trx, actor, claimId, { step: 'accept', lines: null, note: '' }, at(22));
      if (claims % 4 === 0) return;
      const claim = await trx
        .selectFrom('supplier_claims')
        .select('accepted_amount')
        .where('id', '=', claimId)
        .executeTakeFirstOrThrow();
      await claimStep(
        trx,
        actor,
        claimId,
        {
          step: 'credit',
          kind: 'credit',
          amount: claim.accepted_amount ?? 0,
          units: 0,
          reference: `CR-${claimId}`,
          received_on: at(40).toISOString().slice(0, 10),
          note: '',
        },
        at(40),
      );
    });
  }
  await sql`ANALYZE`.execute(database.db);
  console.error(`${returns} returns and ${claims} claims in ${(ms(t0) / 1000).toFixed(1)} s`);

  const app = await buildApp({ database, publicUrl: 'http://localhost' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const top = await database.db
    .selectFrom('supplier_claims as c')
    .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
    .select(['s.code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.store_id', '=', storeId)
    .groupBy('s.code')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const pages = [
    ['scorecard by supplier (2017)', '/api/v1/analytics/suppliers?from=2017-01-01&to=2018-01-01'],
    [
      'scorecard by SKU of one supplier',
      `/api/v1/analytics/suppliers?from=2017-01-01&to=2018-01-01&by=sku&supplier=${top.code}`,
    ],
    ['scorecard CSV export', '/api/v1/analytics/suppliers?from=2017-01-01&to=2018-01-01&format=csv'],
    ['reconciliation, one month', '/api/v1/suppliers/reconciliation?month=2017-11'],
    ['claims list', '/api/v1/supplier-claims?limit=100'],
    ['claimable units of one supplier', `/api/v1/suppliers/${top.code}/claimable`],
  ];
  console.log(
    `| page (PostgreSQL, Olist sample: ${imported.created} orders, ${returns} returns, ${claims} claims) | n | p50 ms | p99 ms | target |`,
  );
  console.log('|---|---:|---:|---:|---|');
  for (const [label, path] of pages) {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path} -> ${res.status} ${body.slice(0, 300)}`);
      times.push(ms(t));
    }
    times.sort((a, b) => a - b);
    const p = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(`| ${label} | ${times.length} | ${p(0.5)} | ${p(0.99)} | < 300 ms |`);
  }
  await app.close();
} finally {
  await database.close();
  await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
  await admin.close();
}
