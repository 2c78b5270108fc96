// The demo store a newcomer clicks through: customers in eleven countries, orders in every stage and
// returns in every status, all made through the same use cases the API calls, so the demo can
// never show a state the product cannot reach.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { minorUnitDigits } from '../../domain/money.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { policySchema } from '../../domain/policy/policy.schema.ts';
import { supplierTermsSchema } from '../../domain/suppliers/terms.ts';
import type { Actor } from '../auth/actor.ts';
import { createUser } from '../auth/sessions.ts';
import { upsertProducts, upsertSuppliers } from '../catalog/catalog.queries.ts';
import { saveCosts } from '../disposition/disposition.queries.ts';
import { orderInputSchema } from '../orders/orders.schemas.ts';
import { upsertOrder } from '../orders/upsert-order.ts';
import { updatePolicy } from '../policy/update-policy.ts';
import { upsertRates } from '../rates/rates.queries.ts';
import { createStore } from '../stores/create-store.ts';
import type { Store } from '../stores/stores.queries.ts';
import { openDemoCase } from './demo-cases.ts';
import { seedDemoClaims } from './demo-claims.ts';
import {
  DEMO_CUSTOMERS,
  DEMO_PRODUCTS,
  DEMO_SUPPLIERS,
  DEMO_UNIT_COSTS,
  type DemoCustomer,
} from './demo-data.ts';
import { DEMO_DISPOSITION_COSTS } from './demo-disposition.ts';
import { seedDemoInbox } from './demo-inbox.ts';
import { advanceDemoReturn } from './demo-returns.ts';
import { SCENARIOS, type Scenario } from './demo-scenarios.ts';

const DAY = 86_400_000;

/** The console's demo sign-ins, one per role; printed at start so a newcomer can try each view. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS = [
  { email: 'owner@demo.aftersale.dev', name: 'Olivia Owner', role: 'owner' },
  { email: 'agent@demo.aftersale.dev', name: 'Aiko Agent', role: 'agent' },
  { email: 'warehouse@demo.aftersale.dev', name: 'Wim Warehouse', role: 'warehouse' },
  { email: 'finance@demo.aftersale.dev', name: 'Fatima Finance', role: 'finance' },
] as const;

export const DEMO_POLICY: Policy = policySchema.parse({
  currency: 'EUR',
  // 5.95 EUR, converted at the store's rates, except in Japan and China where the store set its own
  change_of_mind: {
    window_days: 30,
    return_shipping: 'customer',
    return_shipping_fee: 595,
    return_shipping_fee_by_currency: { JPY: 800, CNY: 4500 },
  },
  keep_item: { max_unit_value: 3000 },
  return_methods: ['label', 'drop_off', 'pickup'],
  custom_reasons: [
    {
      code: 'not_like_photo',
      maps_to: 'not_as_described',
      label: {
        en: 'It does not look like the photo',
        de: 'Sieht anders aus als auf dem Foto',
        fr: 'Ne ressemble pas à la photo',
        es: 'No se parece a la foto',
        'pt-BR': 'Não parece com a foto',
        ru: 'Не похоже на фото',
        'zh-Hans': '与照片不符',
        'zh-Hant': '與照片不符',
        ja: '写真と違う',
      },
    },
  ],
  rules: [
    {
      name: 'VIP customers return for free',
      when: { segments: ['vip'] },
      then: { free_return_shipping: true },
    },
    {
      name: 'Clearance: no returns for a change of mind',
      when: { tags: ['clearance'] },
      then: { returnable: false },
    },
    {
      name: 'Electronics: 10% restocking when opened',
      when: { categories: ['electronics'] },
      then: { restocking_fee_percent: 10 },
    },
  ],
});

function price(eurCents: number, c: DemoCustomer): number {
  const digits = minorUnitDigits(c.currency);
  return Math.round(eurCents * c.rate * 10 ** (digits - 2));
}

function buildOrder(s: Scenario, n: number, now: number) {
  const c = DEMO_CUSTOMERS.find((x) => x.key === s.customer);
  if (!c) throw new Error(`demo customer ${s.customer}`);
  const lines = s.lines.map(([sku, quantity], i) => {
    const p = DEMO_PRODUCTS.find((x) => x.sku === sku);
    if (!p) throw new Error(`demo product ${sku}`);
    const unit = price(p.eur, c);
    return {
      id: `L${i + 1}`,
      sku,
      title: p.title,
      variant: p.variant,
      category: p.category,
      quantity,
      unit_price: unit,
      discount: 0,
      tax: Math.round((unit * quantity * c.vat) / 100),
      flags: p.flags,
      supplier: p.supplier,
    };
  });
  const shipping = { amount: price(499, c), tax: Math.round((price(499, c) * c.vat) / 100) };
  const paid =
    lines.reduce((sum, l) => sum + l.unit_price * l.quantity + l.tax, 0) + shipping.amount + shipping.tax;
  const delivered = s.deliveredDaysAgo ?? 0;
  const placed =
    s.shippedDaysAgo !== undefined ? now - (s.shippedDaysAgo + 1) * DAY : now - (delivered + 4) * DAY;
  const shipped = s.stage === 'unfulfilled' ? null : new Date(placed + DAY).toISOString();
  return orderInputSchema.parse({
    external_id: `demo-${n}`,
    number: `${1001 + n}`,
    channel: n % 3 === 0 ? 'woocommerce' : 'shopify',
    currency: c.currency,
    placed_at: new Date(placed).toISOString(),
    customer: {
      email: c.email,
      name: c.name,
      language: c.language,
      time_zone: c.time_zone,
      segments: c.segments,
    },
    shipping_address: { name: c.name, line2: null, ...c.address },
    lines,
    shipping,
    payments: [{ provider: 'manual', reference: `demo_pay_${n}`, amount: paid }],
    fulfillments: shipped
      ? [
          {
            id: 'F1',
            lines: lines.map((l) => ({ line_id: l.id, quantity: l.quantity })),
            carrier: 'DHL',
            tracking_number: `JD0146${String(100000 + n)}`,
            shipped_at: shipped,
            delivered_at: s.stage === 'delivered' ? new Date(now - delivered * DAY).toISOString() : null,
          },
        ]
      : [],
  });
}

async function catalogue(trx: Tx, storeId: string): Promise<void> {
  await upsertSuppliers(
    trx,
    storeId,
    DEMO_SUPPLIERS.map((s) => ({ ...s, terms: s.terms ? supplierTermsSchema.parse(s.terms) : undefined })),
  );
  await upsertProducts(
    trx,
    storeId,
    DEMO_PRODUCTS.map((p) => ({
      sku: p.sku,
      product_group: p.group,
      title: p.title,
      variant: p.variant,
      category: p.category,
      price: p.eur,
      currency: 'EUR',
      weight_grams: p.weight,
      flags: p.flags,
      supplier_code: p.supplier,
      unit_cost: DEMO_UNIT_COSTS[p.sku]?.amount ?? Math.round(p.eur * 0.4),
      unit_cost_currency: DEMO_UNIT_COSTS[p.sku]?.currency ?? 'EUR',
      tags: p.tags ?? [],
      // the store prices its bestsellers in roubles itself; other currencies convert
      prices: (p.group === 'JUMPER' ? { RUB: price(p.eur, rub) } : {}) as Record<string, number>,
      image_url: null, // the demo runs offline: the portal shows its placeholder
    })),
  );
}

const rub = DEMO_CUSTOMERS.find((c) => c.currency === 'RUB') as DemoCustomer;

/** The store's rate table: last month's and this week's rate for every currency it sells in
 *  (TWD left out, so the console shows what a missing rate looks like). */
function demoRates(now: number) {
  const day = (ago: number) => new Date(now - ago * DAY).toISOString().slice(0, 10);
  const currencies = new Map(DEMO_CUSTOMERS.map((c) => [c.currency, c.rate]));
  return [...currencies]
    .filter(([c]) => c !== 'EUR' && c !== 'TWD')
    .flatMap(([quote, rate]) => [
      { day: day(30), base: 'EUR', quote, rate: (rate * 0.98).toFixed(4) },
      { day: day(2), base: 'EUR', quote, rate: rate.toFixed(4) },
    ]);
}

export async function seedDemo(
  database: Database,
  now = Date.now(),
): Promise<{ store: Store; token: string }> {
  const seeded = await database.db.transaction().execute(async (trx) => {
    const { store, token } = await createStore(
      trx,
      {
        slug: 'demo',
        name: 'Aurora Outfitters (demo)',
        currency: 'EUR',
        time_zone: 'Europe/Berlin',
        languages: ['en', 'de', 'fr', 'es', 'zh-Hans', 'zh-Hant', 'ru', 'pt-BR', 'ja'],
        return_address: {
          name: 'Aurora Outfitters Returns',
          line1: 'Lagerstr. 5',
          line2: null,
          city: 'Hamburg',
          region: null,
          postal_code: '20095',
          country: 'DE',
        },
      },
      { ownerToken: `as_demo_${randomUUID().replace(/-/g, '')}` },
    );
    const actor: Actor = { storeId: store.id, role: 'owner', label: 'system:demo' };
    for (const u of DEMO_USERS) await createUser(trx, { storeId: store.id, ...u, password: DEMO_PASSWORD });
    await updatePolicy(trx, actor, DEMO_POLICY);
    await catalogue(trx, store.id);
    await saveCosts(trx, store.id, DEMO_DISPOSITION_COSTS);
    await upsertRates(trx, store.id, demoRates(now), actor.label);
    for (const [n, s] of SCENARIOS.entries()) {
      const { id } = await upsertOrder(trx, store.id, buildOrder(s, n, now));
      const input = buildOrder(s, n, now);
      if (s.ret) await advanceDemoReturn(trx, actor, id, input, s.ret);
      for (const c of s.cases ?? []) await openDemoCase(trx, actor, id, input, c, new Date(now));
    }
    await seedDemoClaims(trx, actor, new Date(now));
    return { store, token: token as string };
  });
  await seedDemoInbox(database, seeded.store.id);
  return seeded;
}
