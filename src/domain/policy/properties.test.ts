// Invariants of the engine over random orders, policies, countries, zones and moments.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultTimeZone, jurisdictionFor } from '../jurisdictions.ts';
import type { Order, OrderLine } from '../order.ts';
import { REASON_CODES } from '../reasons.ts';
import { decide } from './decide.ts';
import { type PolicyInput, policySchema } from './policy.schema.ts';
import { makeContext, makeLine, makeOrder } from './test-fixtures.ts';
import type { DecisionContext, DecisionRequest } from './types.ts';

const COUNTRIES = ['DE', 'FR', 'NO', 'GB', 'CN', 'RU', 'BR', 'JP', 'US', 'AU', 'CA', 'IN'];
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];
const DAY = 86_400_000;
const T0 = Date.parse('2025-01-01T00:00:00Z');

const lineArb = (id: string) =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 6 }),
      unit_price: fc.integer({ min: 0, max: 200_000 }),
      discountShare: fc.integer({ min: 0, max: 100 }),
      tax: fc.integer({ min: 0, max: 50_000 }),
      final: fc.boolean(),
      category: fc.constantFrom('apparel', 'shoes', null),
    })
    .map(
      (l): OrderLine =>
        makeLine({
          id,
          sku: `SKU-${id}`,
          quantity: l.quantity,
          unit_price: l.unit_price,
          discount: Math.floor((l.unit_price * l.quantity * l.discountShare) / 400),
          tax: l.tax,
          flags: l.final ? ['final_sale'] : [],
          category: l.category,
        }),
    );

const orderArb = fc
  .record({
    lines: fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(`L${i + 1}`)))),
    discountShare: fc.integer({ min: 0, max: 100 }),
    shipping: fc.integer({ min: 0, max: 3000 }),
    shippingTax: fc.integer({ min: 0, max: 600 }),
    country: fc.constantFrom(...COUNTRIES),
    disclosed: fc.boolean(),
    deliveredOffset: fc.integer({ min: 0, max: 700 * DAY }),
  })
  .map(({ lines, discountShare, shipping, shippingTax, country, disclosed, deliveredOffset }): Order => {
    const merchandise = lines.reduce((s, l) => s + l.unit_price * l.quantity - l.discount, 0);
    const discount = Math.floor((merchandise * discountShare) / 200);
    const base = makeOrder({
      lines,
      discounts: [{ code: null, amount: discount }],
      shipping: { amount: shipping, tax: shippingTax },
    });
    const total = merchandise - discount + lines.reduce((s, l) => s + l.tax, 0) + shipping + shippingTax;
    return {
      ...base,
      return_terms_disclosed: disclosed,
      shipping_address: { ...base.shipping_address, country },
      payments: [{ provider: 'manual', reference: null, amount: total }],
      fulfillments: (base.fulfillments as Order['fulfillments']).map((f) => ({
        ...f,
        delivered_at: new Date(T0 + deliveredOffset).toISOString(),
      })),
    };
  });

const policyArb = fc
  .record({
    window: fc.integer({ min: 0, max: 60 }),
    sfWindow: fc.integer({ min: 0, max: 400 }),
    finalOk: fc.boolean(),
    restocking: fc.integer({ min: 0, max: 40 }),
    onlyOpened: fc.boolean(),
    fee: fc.integer({ min: 0, max: 2000 }),
    payer: fc.constantFrom('customer', 'merchant'),
    hostileRule: fc.boolean(),
  })
  .map(
    (p): PolicyInput => ({
      change_of_mind: {
        window_days: p.window,
        final_sale_returnable: p.finalOk,
        restocking_fee_percent: p.restocking,
        restocking_only_if_opened: p.onlyOpened,
        return_shipping_fee: p.fee,
        return_shipping: p.payer as 'customer' | 'merchant',
      },
      seller_fault: { window_days: p.sfWindow },
      // a store trying to shut everything: the law must still win where it applies
      rules: p.hostileRule
        ? [
            {
              when: { path: 'any' },
              then: { returnable: false, window_days: 0, resolutions: ['store_credit'] },
            },
          ]
        : [],
    }),
  );

const scenarioArb = fc.record({
  order: orderArb,
  policy: policyArb,
  zone: fc.option(fc.constantFrom(...ZONES), { nil: null }),
  reason: fc.constantFrom(...REASON_CODES),
  atOffset: fc.integer({ min: -DAY, max: 800 * DAY }),
  opened: fc.boolean(),
  method: fc.constantFrom('label', 'drop_off') as fc.Arbitrary<'label' | 'drop_off'>,
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { ctx: DecisionContext; req: DecisionRequest } {
  const timeZone = s.zone ?? defaultTimeZone(s.order.shipping_address.country);
  const ctx = makeContext({ order: s.order, policy: policySchema.parse(s.policy), timeZone });
  const delivered = Date.parse(s.order.fulfillments[0]?.delivered_at as string);
  const req: DecisionRequest = {
    reason: s.reason,
    method: s.method,
    at: new Date(delivered + s.atOffset).toISOString(),
    lines: s.order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity, opened: s.opened })),
  };
  return { ctx, req };
}

/** The statutory deadline, computed independently of the engine. */
function floorDeadline(ctx: DecisionContext, path: 'change_of_mind' | 'seller_fault'): number | null {
  const j = jurisdictionFor(ctx.order.shipping_address.country);
  const day0 = DateTime.fromISO(ctx.order.fulfillments[0]?.delivered_at as string, {
    zone: ctx.timeZone,
  }).startOf('day');
  if (path === 'seller_fault') {
    const f = j.sellerFault.floor;
    if (!f) return null;
    return (f.code === 'legal_guarantee' ? day0.plus({ years: f.years }) : day0.plus({ days: f.days }))
      .endOf('day')
      .toMillis();
  }
  const cm = j.changeOfMind;
  const ni = ctx.order.return_terms_disclosed ? null : cm.notInformed;
  if (ni?.kind === 'replace_months') return day0.plus({ months: ni.months }).endOf('day').toMillis();
  if (ni?.kind === 'replace_days') return day0.plus({ days: ni.days }).endOf('day').toMillis();
  if (!cm.floorDays) return null;
  const end = day0.plus({ days: cm.floorDays.value });
  return (ni?.kind === 'extend_months' ? end.plus({ months: ni.months }) : end).endOf('day').toMillis();
}

describe('engine properties', () => {
  it('never undercuts the legal floor of the destination', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { ctx, req } = build(s);
        const d = decide(ctx, req);
        const j = jurisdictionFor(ctx.order.shipping_address.country);
        for (const l of d.lines) {
          const floor = floorDeadline(ctx, l.path);
          if (floor !== null && Date.parse(req.at) <= floor) {
            expect(l.eligible, JSON.stringify(l.explanations.map((e) => e.code))).toBe(true);
            expect(Date.parse(l.deadline as string)).toBeGreaterThanOrEqual(floor);
            if (l.path === 'change_of_mind' && j.changeOfMind.floorDays)
              expect(l.resolutions).toContain('refund');
            // Brazil (CDC art. 49): within the period everything paid comes back, no fee, store pays
            if (l.path === 'change_of_mind' && j.changeOfMind.refundsAllPaid) {
              expect(l.return_shipping_paid_by).toBe('merchant');
              expect(l.fees).toEqual({ restocking: 0, return_shipping: 0 });
            }
          }
          if (l.path === 'seller_fault') {
            expect(l.fees).toEqual({ restocking: 0, return_shipping: 0 });
            expect(l.return_shipping_paid_by).toBe('merchant');
          }
          if (j.changeOfMind.noRestockingFee) expect(l.fees.restocking).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refunds of a line over any sequence of returns never exceed what it paid, and add up to it exactly', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }),
        (s, steps) => {
          const { ctx, req } = build({ ...s, reason: 'defective', atOffset: DAY });
          ctx.policy = policySchema.parse({ seller_fault: { window_days: 3650 } });
          const target = ctx.order.lines[0] as OrderLine;
          let prior = 0;
          let items = 0;
          let tax = 0;
          let refunded = 0;
          let shipping = 0;
          for (const step of steps) {
            const quantity = Math.min(step, target.quantity - prior);
            if (quantity === 0) break;
            const d = decide(
              {
                ...ctx,
                prior: [{ lineId: target.id, quantity: prior }],
                refundedSoFar: refunded,
                shippingRefundedSoFar: shipping,
              },
              { ...req, lines: [{ lineId: target.id, quantity }] },
            );
            const l = d.lines[0];
            expect(l?.eligible).toBe(true);
            items += l?.refund.items ?? 0;
            tax += l?.refund.tax ?? 0;
            refunded += d.totals.total;
            shipping += d.totals.shipping;
            prior += quantity;
          }
          const paidItems = target.unit_price * target.quantity - target.discount;
          expect(items).toBeLessThanOrEqual(paidItems);
          expect(tax).toBeLessThanOrEqual(target.tax);
          expect(refunded).toBeLessThanOrEqual(ctx.order.payments[0]?.amount ?? 0);
          if (prior === target.quantity && ctx.order.lines.length === 1) {
            const orderDiscount = ctx.order.discounts.reduce((a, b) => a + b.amount, 0);
            expect(items).toBe(paidItems - orderDiscount);
            expect(tax).toBe(target.tax);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returning a whole order in the EU without fees gives back exactly what was paid, split to the cent', () => {
    fc.assert(
      fc.property(orderArb, fc.constantFrom('DE', 'FR', 'GB', 'NO'), (order, country) => {
        const o: Order = {
          ...order,
          return_terms_disclosed: true,
          shipping_address: { ...order.shipping_address, country },
        };
        const ctx = makeContext({
          order: o,
          policy: policySchema.parse({
            change_of_mind: { final_sale_returnable: true, return_shipping_fee: 0 },
          }),
          timeZone: 'UTC',
        });
        const at = new Date(Date.parse(o.fulfillments[0]?.delivered_at as string) + DAY).toISOString();
        const d = decide(ctx, { reason: 'changed_mind', method: 'label', at });
        expect(d.eligible).toBe(true);
        expect(d.totals.total).toBe(o.payments[0]?.amount);
        expect(d.totals.shipping).toBe(o.shipping.amount + o.shipping.tax);
        expect(d.lines.reduce((s, l) => s + l.refund.total, 0)).toBe(d.totals.total);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic, keeps breakdowns consistent and every message translated', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('en', 'de', 'ru', 'ja', 'zh-Hant', 'pt-BR'), (s, language) => {
        const { ctx, req } = build(s);
        ctx.language = language;
        const a = decide(ctx, req);
        const b = decide(structuredClone(ctx), structuredClone(req));
        expect(b).toEqual(a);
        let sum = 0;
        for (const l of a.lines) {
          const r = l.refund;
          expect(r.total).toBe(r.items + r.tax + r.shipping - r.fees);
          expect(r.total).toBeGreaterThanOrEqual(0);
          if (!l.eligible) expect(r.total).toBe(0);
          sum += r.total;
          for (const e of l.explanations) {
            expect(e.message.startsWith('explanations.'), e.code).toBe(false);
            expect(e.source).toMatch(/^(policy v3|.*(art\.|reg |s\.\d|Decree).*)/);
          }
        }
        expect(a.totals.total).toBe(sum);
        expect(a.totals.total).toBeLessThanOrEqual(ctx.order.payments[0]?.amount ?? 0);
        if (a.auto_approve) expect(a.review_reasons).toEqual([]);
        else expect(a.review_reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
