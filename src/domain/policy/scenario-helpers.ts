// Shared by the scenario tables (scenarios-*.test.ts): builders for an order shipped to a country and
// a runner that decides each row and checks it. Only tests import this file.

import { describe, expect, it } from 'vitest';
import type { Order, OrderLine } from '../order.ts';
import { decide } from './decide.ts';
import type { PolicyInput } from './policy.schema.ts';
import { makeContext, makeLine, makeOrder, makePolicy, makeRequest } from './test-fixtures.ts';
import type { Decision, DecisionContext, DecisionRequest, LineDecision } from './types.ts';

/** The two-line order: L1 as in API.md without the final-sale flag, L2 a 20.00 scarf. Order discount
 *  1000 splits 826 / 174 (weights 9498 / 2000), nets 8672 / 1826; shipping 594 splits 491 / 103. */
export function twoLines(over: Partial<OrderLine>[] = []): OrderLine[] {
  return [
    makeLine({ flags: [], ...over[0] }),
    makeLine({
      id: 'L2',
      sku: 'SCARF-RED',
      title: 'Scarf',
      quantity: 1,
      unit_price: 2000,
      discount: 0,
      tax: 380,
      flags: [],
      ...over[1],
    }),
  ];
}

export const TWO_LINES_PAID = 12992;

export function orderTo(country: string, over: Partial<Order> = {}): Order {
  const base = makeOrder(over);
  return { ...base, shipping_address: { ...base.shipping_address, country } };
}

/** A context for an order shipped to `country`, the customer living in `timeZone`. */
export function ctxFor(
  country: string,
  timeZone: string,
  over: Partial<DecisionContext> & { orderOver?: Partial<Order> } = {},
): DecisionContext {
  const { orderOver, ...rest } = over;
  const order = orderTo(country, orderOver);
  if (orderOver?.lines && !orderOver.payments) {
    const paid = orderOver.lines.reduce((s, l) => s + l.unit_price * l.quantity - l.discount + l.tax, 0);
    const discounts = (orderOver.discounts ?? order.discounts).reduce((s, d) => s + d.amount, 0);
    order.payments = [
      {
        provider: 'manual',
        reference: null,
        amount: paid - discounts + order.shipping.amount + order.shipping.tax,
      },
    ];
  }
  return makeContext({ order, timeZone, ...rest });
}

export const line = (d: Decision, i = 0): LineDecision => {
  const l = d.lines[i];
  if (!l) throw new Error(`no line ${i}`);
  return l;
};

export const codes = (l: LineDecision | Decision): string[] =>
  ('explanations' in l ? l.explanations : l.review_reasons).map((e) => e.code);

export const explanation = (l: LineDecision, code: string) => l.explanations.find((e) => e.code === code);

export interface Scenario {
  name: string;
  country: string;
  zone: string;
  lines?: OrderLine[];
  order?: Partial<Order>;
  deliveredAt?: string;
  policy?: PolicyInput;
  ctx?: Partial<DecisionContext>;
  req?: Partial<DecisionRequest>;
  /** partial match on the decision */
  expect: Record<string, unknown>;
  /** explanation codes that must appear on the first line, in this order (not necessarily adjacent) */
  codes?: string[];
  /** explanation codes that must not appear on the first line */
  absent?: string[];
  /** an explanation that must appear on the first line, matched partially */
  explains?: Record<string, unknown>;
}

/** a request for the single unit of L2 */
export const L2 = (opened = false) => ({ lines: [{ lineId: 'L2', quantity: 1, opened }] });
export const twoWith = (l2: Partial<OrderLine>) => twoLines([{}, l2]);
export const EU_EXEMPT = 'Directive 2011/83/EU art. 16';

function contextOf(s: Scenario): DecisionContext {
  const ctx = ctxFor(s.country, s.zone, {
    orderOver: { ...s.order, ...(s.lines ? { lines: s.lines } : {}) },
    ...s.ctx,
  });
  if (s.lines && !s.order?.fulfillments) {
    ctx.order.fulfillments = [
      {
        ...(ctx.order.fulfillments[0] as Order['fulfillments'][number]),
        lines: s.lines.map((l) => ({ line_id: l.id, quantity: l.quantity })),
      },
    ];
  }
  if (s.deliveredAt)
    ctx.order.fulfillments = ctx.order.fulfillments.map((f) => ({
      ...f,
      delivered_at: s.deliveredAt as string,
    }));
  if (s.policy) ctx.policy = makePolicy(s.policy);
  return ctx;
}

/** Decides every row and checks it, plus the invariants every decision keeps. */
export function runScenarios(title: string, scenarios: Scenario[]): void {
  describe(title, () => {
    it('names every scenario once', () => {
      expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    });

    it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
      const d: Decision = decide(contextOf(s), makeRequest(s.req));
      expect(d).toMatchObject(s.expect);
      const first = line(d);
      if (s.codes) {
        const got = codes(first);
        const positions = s.codes.map((c) => got.indexOf(c));
        expect(
          positions.every((p) => p >= 0),
          `codes ${got.join(', ')}`,
        ).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      if (s.explains) expect(first.explanations).toContainEqual(expect.objectContaining(s.explains));
      for (const code of s.absent ?? []) expect(codes(first)).not.toContain(code);
      // invariants every decision keeps
      for (const l of d.lines) {
        const r = l.refund;
        expect(r.total).toBe(r.items + r.tax + r.shipping - r.fees);
        expect(r.fees).toBe(l.fees.restocking + l.fees.return_shipping);
        expect(r.total).toBeGreaterThanOrEqual(0);
        for (const e of l.explanations) expect(e.message.length).toBeGreaterThan(10);
      }
    });
  });
}
