import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { codes, ctxFor, explanation, line, twoLines } from './scenario-helpers.ts';
import { makeContext, makeLine, makeOrder, makePolicy, makeRequest } from './test-fixtures.ts';

describe('the API.md eligibility example', () => {
  it('raises a 10-day window to the EU floor of 14, keeps the final-sale jumper returnable, refunds 5009', () => {
    const d = decide(makeContext(), makeRequest({ lines: [{ lineId: 'L1', quantity: 1, opened: false }] }));
    expect(d).toMatchObject({
      policy_version: 3,
      currency: 'EUR',
      totals: { items: 4249, tax: 760, shipping: 0, fees: 0, total: 5009 },
      eligible: true,
      auto_approve: true,
      review_reasons: [],
    });
    expect(d.lines).toHaveLength(1);
    const l = line(d);
    expect(l).toMatchObject({
      line_id: 'L1',
      quantity: 1,
      eligible: true,
      path: 'change_of_mind',
      deadline: '2026-03-18T23:59:59.999+01:00',
      return_shipping_paid_by: 'customer',
      fees: { restocking: 0, return_shipping: 0 },
      refund: { items: 4249, tax: 760, shipping: 0, fees: 0, total: 5009 },
      resolutions: ['refund', 'store_credit', 'exchange'],
      keep_item: false,
      auto_approve: true,
      evidence_required: false,
    });
    expect(l.explanations[0]).toEqual({
      code: 'legal_floor',
      params: { days: 14 },
      message:
        "The law in your country gives you 14 days from delivery to return this item without giving a reason, more than the store's own terms.",
      source: 'Directive 2011/83/EU art. 9',
      source_label: 'Directive 2011/83/EU art. 9',
    });
    expect(codes(l)).toEqual([
      'legal_floor',
      'final_sale_statutory_right',
      'within_window',
      'return_shipping_customer',
      'shipping_not_refunded_partial',
    ]);
    expect(explanation(l, 'shipping_not_refunded_partial')?.source).toBe('Directive 2011/83/EU art. 13');
  });

  it('speaks the customer language', () => {
    const d = decide(
      makeContext({ language: 'de' }),
      makeRequest({ lines: [{ lineId: 'L1', quantity: 1 }] }),
    );
    expect(explanation(line(d), 'within_window')?.message).toBe(
      'Sie können diesen Artikel bis zum 18. März 2026 um 23:59 zurückgeben.',
    );
    expect(line(d).explanations[0]?.message).toContain('14 Tage');
  });

  it('takes both units and the whole order by default, refunding the delivery cost too', () => {
    const d = decide(makeContext(), makeRequest());
    expect(line(d)).toMatchObject({
      quantity: 2,
      refund: { items: 8498, tax: 1520, shipping: 594, total: 10612 },
    });
    expect(d.totals.total).toBe(10612);
  });
});

describe('request validation returns ineligible lines, never throws', () => {
  it.each([
    ['unknown line', { lineId: 'NOPE', quantity: 1 }, 'unknown_line', { line_id: 'NOPE' }],
    ['zero quantity', { lineId: 'L1', quantity: 0 }, 'quantity_invalid', { quantity: 0 }],
    ['fractional quantity', { lineId: 'L1', quantity: 1.5 }, 'quantity_invalid', { quantity: 1.5 }],
    [
      'more than ordered',
      { lineId: 'L1', quantity: 3 },
      'quantity_exceeds_remaining',
      { quantity: 3, remaining: 2 },
    ],
  ])('%s', (_name, req, code, params) => {
    const d = decide(makeContext(), makeRequest({ lines: [req] }));
    expect(d.eligible).toBe(false);
    expect(d.auto_approve).toBe(false);
    expect(line(d)).toMatchObject({
      eligible: false,
      refund: { total: 0 },
      explanations: [{ code, params }],
    });
    expect(codes(d)).toContain('review_not_eligible');
  });

  it('refuses more than what is left after an earlier return', () => {
    const d = decide(
      makeContext({ prior: [{ lineId: 'L1', quantity: 1 }] }),
      makeRequest({ lines: [{ lineId: 'L1', quantity: 2 }] }),
    );
    expect(line(d).explanations[0]).toMatchObject({
      code: 'quantity_exceeds_remaining',
      params: { quantity: 2, remaining: 1 },
    });
  });

  it('has nothing to return once every unit is in a return', () => {
    const d = decide(makeContext({ prior: [{ lineId: 'L1', quantity: 2 }] }), makeRequest());
    expect(d.lines).toEqual([]);
    expect(d.eligible).toBe(false);
    expect(codes(d)).toEqual(['nothing_to_return']);
  });

  it('an undelivered line is not eligible, and the EU window of the delivered one has not started', () => {
    const lines = twoLines();
    const order = makeOrder({
      lines,
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 2 }],
          carrier: null,
          tracking_number: null,
          shipped_at: null,
          delivered_at: '2026-03-04T13:12:00Z',
        },
        {
          id: 'F2',
          lines: [{ line_id: 'L2', quantity: 1 }],
          carrier: null,
          tracking_number: null,
          shipped_at: '2026-03-05T08:00:00Z',
          delivered_at: null,
        },
      ],
    });
    const d = decide(makeContext({ order }), makeRequest({ at: '2026-04-30T12:00:00Z' }));
    expect(line(d, 0)).toMatchObject({ line_id: 'L1', eligible: true, deadline: null });
    expect(codes(line(d, 0))).toContain('window_open_until_last_parcel');
    expect(line(d, 1)).toMatchObject({
      line_id: 'L2',
      eligible: false,
      explanations: [{ code: 'not_delivered' }],
    });
  });
});

describe('exchanges and store credit', () => {
  const one = { lines: [{ lineId: 'L1', quantity: 1 }] };
  it('store credit adds the 10% bonus, rounded half up', () => {
    const d = decide(makeContext(), makeRequest({ ...one, resolution: { type: 'store_credit' } }));
    expect(d.store_credit).toEqual({ bonus: 501, total: 5510 });
    expect(d.totals.total).toBe(5009);
  });
  it.each([
    ['same price moves no money', 4999, { difference: 0, fees: 0, due_from_customer: 0, refund: 0 }],
    [
      'a dearer variant is due from the customer',
      5999,
      { difference: 1000, fees: 0, due_from_customer: 1000, refund: 0 },
    ],
    [
      'a cheaper variant refunds the difference',
      3999,
      { difference: -1000, fees: 0, due_from_customer: 0, refund: 1000 },
    ],
  ])('%s', (_n, price, exchange) => {
    const ctx = makeContext({ exchangePrices: { 'JUMPER-L-BLUE': price } });
    const d = decide(
      ctx,
      makeRequest({
        ...one,
        resolution: { type: 'exchange', lines: [{ lineId: 'L1', sku: 'JUMPER-L-BLUE' }] },
      }),
    );
    expect(d.exchange).toEqual(exchange);
  });
  it.each([
    [
      'the same price: the label fee is due',
      4999,
      { difference: 0, fees: 595, due_from_customer: 595, refund: 0 },
    ],
    [
      'a cheaper variant refunds the difference less the fee',
      3999,
      { difference: -1000, fees: 595, due_from_customer: 0, refund: 405 },
    ],
    [
      'a dearer variant costs the difference and the fee',
      5999,
      { difference: 1000, fees: 595, due_from_customer: 1595, refund: 0 },
    ],
  ])('with a 5.95 label fee, %s', (_n, price, exchange) => {
    const ctx = makeContext({
      policy: makePolicy({ change_of_mind: { return_shipping_fee: 595 } }),
      exchangePrices: { 'JUMPER-L-BLUE': price },
    });
    const d = decide(
      ctx,
      makeRequest({
        ...one,
        resolution: { type: 'exchange', lines: [{ lineId: 'L1', sku: 'JUMPER-L-BLUE' }] },
      }),
    );
    expect(d.totals.fees).toBe(595);
    expect(d.exchange).toEqual(exchange);
  });
  it('an unknown exchange SKU makes the line ineligible', () => {
    const d = decide(
      makeContext(),
      makeRequest({ ...one, resolution: { type: 'exchange', lines: [{ lineId: 'L1', sku: 'GONE' }] } }),
    );
    expect(line(d)).toMatchObject({ eligible: false, refund: { total: 0 } });
    expect(codes(line(d)).at(-1)).toBe('exchange_unavailable');
    expect(d.exchange).toBeUndefined();
  });
  it('a resolution the store does not offer is refused', () => {
    const ctx = makeContext({
      order: ctxFor('US', 'America/New_York', { orderOver: { lines: twoLines() } }).order,
      policy: makePolicy({ resolutions: ['store_credit'] }),
    });
    const d = decide(
      ctx,
      makeRequest({ lines: [{ lineId: 'L2', quantity: 1 }], resolution: { type: 'refund' } }),
    );
    expect(line(d).resolutions).toEqual(['store_credit']);
    expect(codes(line(d)).at(-1)).toBe('resolution_not_offered');
  });
  it('a return method the store does not offer is refused', () => {
    const d = decide(makeContext(), makeRequest({ ...one, method: 'pickup' }));
    expect(line(d)).toMatchObject({
      eligible: false,
      explanations: expect.arrayContaining([
        expect.objectContaining({ code: 'method_not_offered', params: { method: 'pickup' } }),
      ]),
    });
  });
});

describe('determinism and purity', () => {
  it('gives the same decision twice and does not touch its inputs', () => {
    const ctx = makeContext();
    const req = makeRequest();
    const before = JSON.stringify([ctx, req]);
    const a = decide(ctx, req);
    const b = decide(ctx, req);
    expect(b).toEqual(a);
    expect(JSON.stringify([ctx, req])).toBe(before);
    expect(makeLine().flags).toEqual(['final_sale']);
  });
});
