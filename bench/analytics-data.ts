// A store the size issue 12 names for analytics, written with a few set-based statements (an API
// call per row would take the better part of an hour): ~60,000 orders over 18 months in ten
// countries and seven currencies, 1-3 lines each from 500 products of 40 suppliers, customers in
// segments, 100,000 returns in every status (mostly completed and refunded) with reasons, grades and
// dispositions, other cases (lost parcels, item problems, delays) with their lines and refunds,
// supplier claims and credits, and a rate per currency and month. Scale 1 is that size.
// Ids are md5 of a counter, so a row finds its order or product without a lookup table; values come
// from hashtext of the row's key, so every run writes the same store.
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../src/db/connect.ts';

/** 0..n-1 from a text, the same on every run */
const h = (text: RawBuilder<unknown>, n: number) => sql`(abs(hashtext(${text})::bigint) % ${sql.lit(n)})`;

// index -> country (weighted by repeats); currency -> minor units per EUR cent (JPY has no decimals)
// and the rate (1 EUR = rate of it)
const COUNTRIES = sql`(ARRAY['DE','DE','DE','FR','FR','US','US','GB','GB','CN','RU','BR','JP','ES','IT','NL'])`;
const CURRENCY = sql`(CASE c.country WHEN 'US' THEN 'USD' WHEN 'GB' THEN 'GBP' WHEN 'CN' THEN 'CNY'
  WHEN 'RU' THEN 'RUB' WHEN 'BR' THEN 'BRL' WHEN 'JP' THEN 'JPY' ELSE 'EUR' END)`;
const FACTORS = sql`(VALUES ('EUR', 1.0, 1.0), ('USD', 1.08, 1.08), ('GBP', 0.85, 0.85), ('CNY', 7.8, 7.8),
  ('RUB', 98.0, 98.0), ('BRL', 5.6, 5.6), ('JPY', 1.6, 160.0)) AS fx(currency, factor, rate)`;

export interface Generated {
  orders: number;
  returns: number;
  otherCases: number;
  seconds: number;
}

export async function generateAnalyticsStore(
  database: Database,
  storeId: string,
  scale: number,
): Promise<Generated> {
  const t0 = performance.now();
  const nOrders = Math.max(200, Math.round(60_000 * scale));
  const nReturns = Math.max(300, Math.round(100_000 * scale));
  const nCustomers = Math.max(100, Math.round(25_000 * scale));
  const nOther = Math.max(50, Math.round(8_000 * scale));
  const run = (q: RawBuilder<unknown>) => q.execute(database.db);
  const s = storeId;

  await run(sql`INSERT INTO suppliers (store_id, id, code, name, country, email)
    SELECT ${s}, md5('sup' || i)::uuid, 'SUP-' || lpad(i::text, 2, '0'), 'Supplier ' || i,
      (ARRAY['CN','DE','TR','VN','PL','IT'])[1 + i % 6], 'claims' || i || '@supplier.example'
    FROM generate_series(1, 40) i`);
  await run(sql`INSERT INTO products (store_id, id, sku, title, category, price, currency, supplier_code,
      unit_cost, unit_cost_currency)
    SELECT ${s}, md5('prod' || i)::uuid, 'SKU-' || lpad(i::text, 4, '0'), 'Product ' || i,
      CASE WHEN i % 31 = 0 THEN NULL ELSE (ARRAY['jumpers','shirts','trousers','dresses','shoes','bags',
        'jackets','socks','hats','belts','scarves','gloves'])[1 + i % 12] END,
      990 + (i * 7919) % 14000, 'EUR', 'SUP-' || lpad((1 + (i * 13) % 40)::text, 2, '0'),
      400 + (i * 7919) % 6000, 'EUR'
    FROM generate_series(1, 500) i`);
  await run(sql`INSERT INTO customers (store_id, id, email, name, country, language, segments)
    SELECT ${s}, md5('cust' || i)::uuid, 'c' || i || '@example.com', 'Customer ' || i,
      ${COUNTRIES}[1 + ${h(sql`'c' || i`, 16)}], 'en',
      CASE WHEN i % 20 = 0 THEN '{vip,wholesale}'::text[] WHEN i % 10 = 1 THEN '{vip}'
           WHEN i % 25 = 2 THEN '{flagged}' WHEN i % 6 = 3 THEN '{new}' ELSE '{}' END
    FROM generate_series(1, ${sql.lit(nCustomers)}) i`);
  // placed evenly over the last 540 days, written in the order
  // they were placed as a store's are (the table's pages follow time, as in production)
  await run(sql`INSERT INTO orders (store_id, id, external_id, number, channel, currency, placed_at,
      return_terms_disclosed, customer_id, customer_language, customer_segments, shipping_address,
      destination_country, shipping_amount, shipping_tax, total_amount, paid_amount, created_at, updated_at)
    SELECT ${s}, md5('ord' || i)::uuid, 'bench-' || i, 'A' || (100000 + i), 'web', ${CURRENCY},
      now() - interval '1 hour' - make_interval(secs => 540 * 86400 * (1 - i::float8 / ${sql.lit(nOrders)})),
      true, c.id, 'en', c.segments,
      jsonb_build_object('name', c.name, 'line1', '1 Main St', 'line2', null, 'city', 'City',
        'region', null, 'postal_code', '10000', 'country', c.country),
      c.country, 0, 0, 0, 0, now(), now()
    FROM generate_series(1, ${sql.lit(nOrders)}) i
    JOIN customers c ON c.id = md5('cust' || (1 + ${h(sql`'oc' || i`, nCustomers)}))::uuid`);
  // 1 line (30 %), 2 (40 %) or 3 (30 %); popular products sell more (the index is squared)
  await run(sql`INSERT INTO order_lines (store_id, order_id, line_id, position, sku, title, category,
      quantity, unit_price, discount, tax, supplier)
    SELECT ${s}, o.id, 'L' || k, k, p.sku, p.title, p.category,
      CASE WHEN ${h(sql`o.id::text || 'q' || k`, 10)} < 8 THEN 1 ELSE 2 END,
      round(p.price * fx.factor), 0, 0, p.supplier_code
    FROM orders o JOIN ${FACTORS} ON fx.currency = o.currency
    CROSS JOIN LATERAL generate_series(1, 1 + (${h(sql`o.id::text`, 10)} >= 3)::int + (${h(sql`o.id::text`, 10)} >= 7)::int) k
    JOIN products p ON p.id = md5('prod' || (1 + floor(499.99 * power(${h(sql`o.id::text || 'p' || k`, 100000)} / 100000.0, 2))::int))::uuid
    WHERE o.store_id = ${s}`);
  await run(sql`UPDATE orders o SET shipping_amount = round(495 * fx.factor), total_amount = t.total + round(495 * fx.factor),
      paid_amount = t.total + round(495 * fx.factor)
    FROM (SELECT order_id, sum(unit_price * quantity) AS total FROM order_lines WHERE store_id = ${s} GROUP BY 1) t, ${FACTORS}
    WHERE o.id = t.order_id AND fx.currency = o.currency`);
  await run(sql`INSERT INTO fulfillments (store_id, order_id, fulfillment_id, carrier, tracking_number, shipped_at,
      delivered_at, lines, origin_country)
    SELECT ${s}, o.id, 'F1', (ARRAY['dhl','ups','fedex','gls','dpd','royal_mail','china_post','usps'])[1 + ${h(sql`o.id::text || 'c'`, 8)}],
      'T' || o.number, o.placed_at + interval '1 day',
      CASE WHEN o.placed_at + interval '5 days' < now() THEN o.placed_at + interval '5 days' END,
      '[]', CASE WHEN ${h(sql`o.id::text || 'o'`, 4)} = 0 THEN 'CN' ELSE 'DE' END
    FROM orders o WHERE o.store_id = ${s} AND o.placed_at + interval '1 day' < now()`);

  // The returns, staged: the n-th return takes the n-th order line in a fixed shuffled order (so
  // units returned never exceed units sold), opened 3-27 days after the order; written in the
  // order they were opened.
  await run(sql`DROP TABLE IF EXISTS bench_returns`);
  await run(sql`CREATE TABLE bench_returns AS
    SELECT x.n, md5('ret' || x.n)::uuid AS case_id, x.order_id, x.line_id, x.customer_id, x.currency,
      least(x.quantity, 1 + (x.n % 3 = 0)::int) AS quantity, x.unit_price, x.supplier,
      least(x.placed_at + make_interval(days => (3 + (x.n * 7) % 25)::int), now() - interval '10 minutes') AS at,
      CASE WHEN x.r < 70 THEN 'completed' WHEN x.r < 75 THEN 'requested' WHEN x.r < 79 THEN 'approved'
           WHEN x.r < 82 THEN 'in_transit' WHEN x.r < 85 THEN 'received' WHEN x.r < 87 THEN 'inspected'
           WHEN x.r < 94 THEN 'rejected' ELSE 'canceled' END AS status,
      (ARRAY['size_too_small','size_too_large','changed_mind','defective','not_as_described','wrong_item',
        'damaged_in_transit','color','missing_parts','other','size_too_large','changed_mind'])[1 + x.n % 12] AS reason
    FROM (
      SELECT row_number() OVER (ORDER BY hashtext(ol.order_id::text || ol.line_id)) AS n,
        ol.order_id, ol.line_id, ol.quantity, ol.unit_price, ol.supplier, o.customer_id, o.currency, o.placed_at,
        ${h(sql`ol.order_id::text || ol.line_id || 's'`, 100)} AS r
      FROM order_lines ol JOIN orders o ON o.id = ol.order_id WHERE ol.store_id = ${s}
    ) x WHERE x.n <= ${sql.lit(nReturns)}`);
  const at = (days: number) => sql`least(b.at + make_interval(days => ${sql.lit(days)}), now())`;
  const past = (statuses: string[]) => sql`b.status IN (${sql.join(statuses.map((v) => sql.lit(v)))})`;
  await run(sql`INSERT INTO cases (store_id, id, kind, number, status, order_id, customer_id, sla_due_at,
      created_at, updated_at, closed_at)
    SELECT ${s}, b.case_id, 'return', 'R' || (100000 + b.n), b.status, b.order_id, b.customer_id,
      b.at + interval '2 days', b.at, ${at(8)},
      CASE WHEN ${past(['completed', 'rejected', 'canceled'])} THEN ${at(8)} END
    FROM bench_returns b ORDER BY b.at`);
  await run(sql`INSERT INTO returns (store_id, case_id, method, resolution, policy_version, decision, refund,
      auto_approved, refund_due_at, reject_reason, requested_at, approved_at, received_at, inspected_at, completed_at)
    SELECT ${s}, b.case_id, CASE WHEN b.n % 4 = 0 THEN 'pickup' ELSE 'drop_off' END,
      CASE WHEN b.n % 20 = 0 THEN '{"type":"store_credit"}'::jsonb ELSE '{"type":"refund"}' END, 1, '{}', '{}',
      b.n % 10 < 7 AND b.status <> 'requested', b.at + interval '14 days',
      CASE WHEN b.status = 'rejected' THEN 'outside_window' END, b.at,
      CASE WHEN ${past(['approved', 'in_transit', 'received', 'inspected', 'completed'])} THEN ${at(0)} END,
      CASE WHEN ${past(['received', 'inspected', 'completed'])} THEN ${at(5)} END,
      CASE WHEN ${past(['inspected', 'completed'])} THEN ${at(6)} END,
      CASE WHEN b.status = 'completed' THEN ${at(7)} END
    FROM bench_returns b ORDER BY b.at`);
  await run(sql`INSERT INTO return_lines (store_id, case_id, order_id, line_id, quantity, reason, decision,
      received_quantity, grade, disposition)
    SELECT ${s}, b.case_id, b.order_id, b.line_id, b.quantity, b.reason,
      jsonb_build_object('refund', jsonb_build_object('total', b.unit_price * b.quantity, 'currency', b.currency)),
      CASE WHEN ${past(['received', 'inspected', 'completed'])} THEN b.quantity ELSE 0 END,
      CASE WHEN ${past(['inspected', 'completed'])} THEN (ARRAY['A','A','B','C','D'])[1 + b.n % 5] END,
      CASE WHEN ${past(['inspected', 'completed'])} THEN
        (ARRAY['restock','restock','refurbish','liquidate','return_to_supplier','scrap'])[1 + b.n % 6] END
    FROM bench_returns b ORDER BY b.at`);
  // completed returns paid by refund: 3 % of refunds failed (the customer waits), the rest succeeded
  await run(sql`INSERT INTO refunds (store_id, id, order_id, case_id, amount, currency, provider, status,
      idempotency_key, breakdown, created_at, updated_at, payment_position)
    SELECT ${s}, md5('rf' || b.n)::uuid, b.order_id, b.case_id, b.unit_price * b.quantity, b.currency, 'stripe',
      CASE WHEN b.n % 33 = 0 THEN 'failed' ELSE 'succeeded' END, 'bench-rf-' || b.n, '{}',
      ${at(7)}, ${at(7)} + make_interval(hours => (b.n % 48)::int), 1
    FROM bench_returns b WHERE b.status = 'completed' AND b.n % 20 <> 0 ORDER BY b.at`);

  // other cases: lost parcels and delays about the fulfillment, item problems about a line
  await run(sql`INSERT INTO cases (store_id, id, kind, number, status, order_id, customer_id, sla_due_at,
      created_at, updated_at, closed_at, data, resolution)
    SELECT ${s}, md5('case' || j)::uuid, k.kind, 'C' || (100000 + j), k.status, o.id, o.customer_id,
      k.at + interval '2 days', k.at, k.at, CASE WHEN k.status IN ('resolved', 'closed') THEN least(k.at + make_interval(hours => 6 + j % 90), now()) END,
      CASE k.kind WHEN 'item_problem' THEN jsonb_build_object('reason',
          (ARRAY['damaged_in_transit','wrong_item','missing_parts','defective','not_as_described'])[1 + j % 5])
        ELSE jsonb_build_object('fulfillment_id', 'F1') END,
      CASE WHEN k.status IN ('resolved', 'closed') THEN jsonb_build_object('type', 'refund', 'goodwill', (j % 4) * 500) END
    FROM generate_series(1, ${sql.lit(nOther)}) j
    JOIN orders o ON o.id = md5('ord' || (1 + ${h(sql`'co' || j`, nOrders)}))::uuid
    CROSS JOIN LATERAL (SELECT
      (ARRAY['item_problem','item_problem','lost_parcel','lost_parcel','delivery_delay'])[1 + j % 5] AS kind,
      (ARRAY['resolved','resolved','closed','open','waiting_customer','resolved','closed'])[1 + j % 7] AS status,
      least(o.placed_at + make_interval(days => 6 + j % 20), now() - interval '5 minutes') AS at) k
    ORDER BY k.at`);
  await run(sql`INSERT INTO case_lines (store_id, case_id, order_id, line_id, quantity)
    SELECT ${s}, c.id, c.order_id, 'L1', 1 FROM cases c
    WHERE c.store_id = ${s} AND c.kind IN ('item_problem', 'lost_parcel')`);
  await run(sql`INSERT INTO refunds (store_id, id, order_id, case_id, amount, currency, provider, status,
      idempotency_key, breakdown, created_at, updated_at, payment_position)
    SELECT ${s}, md5('crf' || c.number)::uuid, c.order_id, c.id, ol.unit_price, o.currency, 'stripe', 'succeeded',
      'bench-crf-' || c.number, '{}', c.closed_at, c.closed_at, 1
    FROM cases c JOIN orders o ON o.id = c.order_id JOIN order_lines ol ON ol.order_id = c.order_id AND ol.line_id = 'L1'
    WHERE c.store_id = ${s} AND c.kind <> 'return' AND c.status = 'resolved'`);

  // supplier claims: one in three completed seller-fault return lines, one line per claim
  await run(sql`INSERT INTO supplier_claims (store_id, id, number, supplier_id, status, currency, claimed_amount,
      accepted_amount, credited_amount, sent_at, decided_at, credited_at, created_by, created_at, updated_at)
    SELECT ${s}, md5('cl' || b.n)::uuid, 'SC-' || b.n, md5('sup' || ltrim(substr(b.supplier, 5), '0'))::uuid, k.status, 'EUR',
      b.unit_price, CASE WHEN k.status IN ('accepted', 'credited') THEN b.unit_price WHEN k.status = 'rejected' THEN 0 END,
      CASE WHEN k.status = 'credited' THEN b.unit_price ELSE 0 END,
      ${at(10)}, CASE WHEN k.status <> 'sent' THEN ${at(14)} END, CASE WHEN k.status = 'credited' THEN ${at(30)} END,
      'bench', ${at(9)}, ${at(9)}
    FROM bench_returns b CROSS JOIN LATERAL (SELECT
      (ARRAY['sent','accepted','credited','credited','rejected'])[1 + b.n % 5] AS status) k
    WHERE b.status = 'completed' AND b.supplier IS NOT NULL AND b.n % 3 = 0
      AND b.reason IN ('defective','not_as_described','wrong_item','damaged_in_transit','missing_parts')`);
  await run(sql`INSERT INTO supplier_claim_lines (store_id, claim_id, id, source, case_id, order_id, line_id, sku,
      description, reason, quantity, amount, accepted_amount)
    SELECT ${s}, sc.id, md5('cll' || b.n)::uuid, 'return_line', b.case_id, b.order_id, b.line_id, ol.sku,
      ol.title, b.reason, b.quantity, sc.claimed_amount, sc.accepted_amount
    FROM bench_returns b JOIN supplier_claims sc ON sc.id = md5('cl' || b.n)::uuid
    JOIN order_lines ol ON ol.order_id = b.order_id AND ol.line_id = b.line_id`);
  await run(sql`INSERT INTO supplier_credits (store_id, id, supplier_id, claim_id, kind, amount, currency,
      reference, received_on, created_by)
    SELECT ${s}, md5('cr' || sc.id)::uuid, sc.supplier_id, sc.id, 'credit', sc.credited_amount, 'EUR',
      'CN-' || sc.number, sc.credited_at::date, 'bench'
    FROM supplier_claims sc WHERE sc.store_id = ${s} AND sc.status = 'credited'`);
  // a rate per foreign currency on the first of every month
  await run(sql`INSERT INTO exchange_rates (store_id, day, base, quote, rate, created_by)
    SELECT ${s}, d::date, 'EUR', fx.currency, round((fx.rate * (1 + 0.02 * sin(extract(epoch FROM d) / 5e6)))::numeric, 6), 'bench'
    FROM generate_series(date_trunc('month', now() - interval '19 months'), now(), interval '1 month') d,
      ${FACTORS} WHERE fx.currency <> 'EUR'`);
  await run(sql`DROP TABLE bench_returns`);
  // VACUUM as well as ANALYZE: a store's tables are vacuumed by autovacuum as they fill, which marks
  // their pages all-visible and so lets PostgreSQL answer from an index alone (the reports' covering
  // indexes). A store written a second ago has had no autovacuum yet; without this the benchmark
  // would measure a state no running store stays in.
  await run(sql`VACUUM (ANALYZE)`);
  return {
    orders: nOrders,
    returns: nReturns,
    otherCases: nOther,
    seconds: (performance.now() - t0) / 1000,
  };
}
