// biome-ignore-all lint/suspicious/noThenProperty: policy rules are data shaped { when, then }
// Line decisions per second of the policy engine on one core (Node runs it on one thread).
//   npx tsx bench/policy.bench.ts [fresh orders, default 100000] [wide]
// Orders are varied: 12 destinations, their own or odd time zones, 1-4 lines, deliveries spread over
// 120 days, requests up to 40 days after delivery, 6 policies (some with rules), reasons of both paths,
// the country's language for most customers and any of the 9 for the rest. Two figures: every
// decision on an order never seen before (the honest one), then the same orders decided again.
// `wide` is a stress case: deliveries over two years and every customer in a random language, so
// most messages are new and get formatted and translated.

import { pathToFileURL } from 'node:url';
import { defaultTimeZone } from '../src/domain/jurisdictions.ts';
import type { Order } from '../src/domain/order.ts';
import { decide } from '../src/domain/policy/decide.ts';
import { type Policy, policySchema } from '../src/domain/policy/policy.schema.ts';
import { makeLine, makeOrder } from '../src/domain/policy/test-fixtures.ts';
import type { DecisionContext, DecisionRequest } from '../src/domain/policy/types.ts';
import { REASON_CODES } from '../src/domain/reasons.ts';
import { LANGUAGES } from '../src/i18n/index.ts';
import { type Measure, table } from './report.ts';

let seed = 0x5eed;
/** mulberry32: a small deterministic PRNG, so every run measures the same work */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const COUNTRIES = ['DE', 'FR', 'ES', 'GB', 'CN', 'RU', 'BR', 'JP', 'US', 'AU', 'CA', 'IN'];
const LANGUAGE_OF: Record<string, string> = {
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  CN: 'zh-Hans',
  RU: 'ru',
  BR: 'pt-BR',
  JP: 'ja',
};
const FLAGS = [[], [], [], ['final_sale'], ['personalized'], ['sealed_hygiene']] as const;
const POLICIES: Policy[] = [
  policySchema.parse({}),
  policySchema.parse({
    change_of_mind: { window_days: 10, restocking_fee_percent: 15, return_shipping_fee: 595 },
  }),
  policySchema.parse({
    change_of_mind: { window_days: 60, return_shipping: 'merchant' },
    keep_item: { max_unit_value: 1500 },
  }),
  policySchema.parse({ auto_approve: { max_refund: 20_000, reasons: ['changed_mind', 'wrong_item'] } }),
  policySchema.parse({
    rules: [
      { when: { categories: ['shoes'] }, then: { window_days: 14, restocking_fee_percent: 10 } },
      { when: { segments: ['vip'] }, then: { free_return_shipping: true, window_days: 90 } },
      { when: { reasons: ['defective'] }, then: { auto_approve: true } },
    ],
  }),
  policySchema.parse({
    rules: [
      { when: { flags: ['final_sale'] }, then: { returnable: false } },
      { when: { order_value: { min: 50_000 } }, then: { auto_approve: false } },
    ],
  }),
];
const T0 = Date.parse('2025-01-01T00:00:00Z');
const WIDE = process.argv[3] === 'wide';
const SPREAD_DAYS = WIDE ? 730 : 120;

function makeCase(i: number): { ctx: DecisionContext; req: DecisionRequest } {
  const lines = Array.from({ length: int(1, 4) }, (_, n) =>
    makeLine({
      id: `L${n + 1}`,
      sku: `SKU-${i}-${n}`,
      quantity: int(1, 3),
      unit_price: int(500, 30_000),
      discount: int(0, 300),
      tax: int(0, 3000),
      category: pick(['apparel', 'shoes', null]),
      flags: [...pick(FLAGS)],
    }),
  );
  const country = pick(COUNTRIES);
  const delivered = T0 + int(0, SPREAD_DAYS) * 86_400_000 + int(0, 86_399) * 1000;
  const base = makeOrder({ number: String(i), lines, discounts: [{ code: null, amount: int(0, 400) }] });
  const order: Order = {
    ...base,
    return_terms_disclosed: rand() > 0.05,
    customer: { ...base.customer, segments: rand() > 0.8 ? ['vip'] : rand() > 0.97 ? ['flagged'] : [] },
    shipping_address: { ...base.shipping_address, country },
    fulfillments: base.fulfillments.map((f) => ({ ...f, delivered_at: new Date(delivered).toISOString() })),
  };
  const timeZone =
    rand() > 0.1 ? defaultTimeZone(country) : pick(['Asia/Kathmandu', 'America/St_Johns', 'UTC']);
  const ctx: DecisionContext = {
    order,
    policy: pick(POLICIES),
    policyVersion: int(1, 9),
    timeZone,
    // most customers read the language of their country; some choose another
    language: !WIDE && rand() > 0.1 ? (LANGUAGE_OF[country] ?? 'en') : pick(LANGUAGES),
    prior: [],
    refundedSoFar: 0,
    shippingRefundedSoFar: 0,
  };
  const req: DecisionRequest = {
    reason: pick(REASON_CODES),
    method: pick(['label', 'label', 'drop_off'] as const),
    at: new Date(delivered + int(0, 40) * 86_400_000).toISOString(),
    ...(rand() > 0.5 ? { resolution: { type: pick(['refund', 'store_credit', 'exchange'] as const) } } : {}),
  };
  return { ctx, req };
}

type Case = { ctx: DecisionContext; req: DecisionRequest };

/** Decides every case; only the decide() calls are timed. */
function run(cases: Case[]): { lines: number; ns: bigint } {
  let lines = 0;
  const start = process.hrtime.bigint();
  for (const c of cases) lines += decide(c.ctx, c.req).lines.length;
  return { lines, ns: process.hrtime.bigint() - start };
}

/** Fresh orders are built in chunks so the bench does not keep a huge heap alive for the GC to walk. */
function runFresh(count: number, from: number, chunk = 2_000): { lines: number; ns: bigint } {
  const total = { lines: 0, ns: 0n };
  for (let i = 0; i < count; i += chunk) {
    const cases = Array.from({ length: Math.min(chunk, count - i) }, (_, k) => makeCase(from + i + k));
    const r = run(cases);
    total.lines += r.lines;
    total.ns += r.ns;
  }
  return total;
}

/** Fresh and repeated line decisions a second, on this thread (one core). */
export function benchPolicy(n = 100_000): Measure[] {
  runFresh(10_000, 10_000_000); // warm-up: JIT and the zone caches of the first days
  const fresh = runFresh(n, 0);
  const repeated = Array.from({ length: 2_000 }, (_, i) => makeCase(i));
  run(repeated);
  let again = { lines: 0, ns: 0n };
  for (let k = 0; k < 25; k++) {
    const r = run(repeated);
    again = { lines: again.lines + r.lines, ns: again.ns + r.ns };
  }
  const rate = (r: { lines: number; ns: bigint }) => (r.lines * 1e9) / Number(r.ns);
  return [
    {
      name: `policy engine: fresh line decisions${WIDE ? ' (wide)' : ''}`,
      backend: 'node',
      value: rate(fresh),
      unit: 'decisions/s',
      target: { op: '>=', value: 100_000 },
      detail: `${n.toLocaleString('en')} orders, ${fresh.lines.toLocaleString('en')} lines, one core`,
    },
    {
      name: 'policy engine: the same orders decided again',
      backend: 'node',
      value: rate(again),
      unit: 'decisions/s',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 100_000);
  console.log(`policy engine, Node ${process.version}, one core`);
  console.log(table(benchPolicy(n)));
}
