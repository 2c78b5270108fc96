// Store credit that can be spent: codes issued by hand and by returns and cases, redeemed by the
// store's checkout under the code's lock, voided, reversed, and the refusals for each wrong use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
let customerId: string;
beforeAll(async () => {
  t = await createTestApp();
  const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
  customerId = o.customer.id;
});
afterAll(async () => {
  await t?.close();
});

const issue = (body: Record<string, unknown>, key?: string) =>
  t.call(
    'POST',
    '/api/v1/store-credit/codes',
    { email: 'anna@example.de', currency: 'EUR', ...body },
    key ? { headers: { 'idempotency-key': key } } : {},
  );
const redeem = (
  body: Record<string, unknown>,
  key: string,
  role: 'owner' | 'agent' | 'read_only' = 'agent',
) =>
  t.call(
    'POST',
    '/api/v1/store-credit/redeem',
    { currency: 'EUR', reference: 'checkout-1', ...body },
    { role, headers: { 'idempotency-key': key } },
  );

describe('store credit codes', () => {
  it('issues a code, spends it at the checkout once per key, and shows the ledger', async () => {
    const made = await issue({ amount: 3000, note: 'Sorry for the wait' }, 'issue-1');
    expect(made.statusCode, made.body).toBe(201);
    const code = made.json().code as string;
    expect(code).toMatch(/^SC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(made.json()).toMatchObject({ balance: 3000, status: 'active', customer: { id: customerId } });
    expect((await issue({ amount: 3000, note: 'Sorry for the wait' }, 'issue-1')).json().code).toBe(code);
    const spent = await redeem({ code: code.toLowerCase(), amount: 1200 }, 'r-1');
    expect(spent.statusCode, spent.body).toBe(201);
    expect(spent.json()).toMatchObject({ amount: 1200, balance: 1800 });
    expect((await redeem({ code: code.toLowerCase(), amount: 1200 }, 'r-1')).json().redemption_id).toBe(
      spent.json().redemption_id,
    );
    const view = (await t.call('GET', `/api/v1/store-credit/codes/${code}`)).json();
    expect(view.balance).toBe(1800);
    expect(view.ledger.map((e: { entry_type: string; amount: number }) => [e.entry_type, e.amount])).toEqual([
      ['grant', 3000],
      ['redeem', -1200],
    ]);
    // the checkout's order was cancelled: the 12.00 go back, once
    const back = await t.call(
      'POST',
      `/api/v1/store-credit/redemptions/${spent.json().redemption_id}/reverse`,
      {},
      { role: 'agent' },
    );
    expect(back.json()).toMatchObject({ amount: 1200, balance: 3000 });
    expect(
      (
        await t.call(
          'POST',
          `/api/v1/store-credit/redemptions/${spent.json().redemption_id}/reverse`,
          {},
          { role: 'agent' },
        )
      ).statusCode,
    ).toBe(409);
  });

  it('refuses too much, another currency, an expired and a voided code, and roles that may not', async () => {
    const code = (await issue({ amount: 500 })).json().code;
    const much = await redeem({ code, amount: 501 }, 'x-1');
    expect(much.statusCode).toBe(409);
    expect(much.json()).toMatchObject({ code: 'insufficient_credit', balance: 500 });
    expect((await redeem({ code, amount: 1, currency: 'USD' }, 'x-2')).statusCode).toBe(400);
    expect((await redeem({ code, amount: 1 }, 'x-3', 'read_only')).statusCode).toBe(403);
    expect((await redeem({ code: 'SC-0000-0000', amount: 1 }, 'x-4')).statusCode).toBe(404);
    const old = (await issue({ amount: 500, expires_at: '2026-01-01T00:00:00Z' })).json();
    expect(old.status).toBe('expired');
    expect((await redeem({ code: old.code, amount: 1 }, 'x-5')).json().code).toBe('credit_expired');
    expect(
      (
        await t.call(
          'POST',
          `/api/v1/store-credit/codes/${code}/void`,
          { reason: 'fraud' },
          { role: 'agent' },
        )
      ).statusCode,
    ).toBe(403);
    const voided = await t.call(
      'POST',
      `/api/v1/store-credit/codes/${code}/void`,
      { reason: 'issued by mistake' },
      { role: 'finance' },
    );
    expect(voided.json()).toMatchObject({ status: 'void', balance: 0 });
    expect((await redeem({ code, amount: 1 }, 'x-6')).json().code).toBe('credit_void');
    expect(
      (await t.call('POST', '/api/v1/store-credit/codes', { currency: 'EUR', amount: 1 })).statusCode,
    ).toBe(400);
  });

  it('eight checkouts at once spend a code worth three redemptions exactly three times', async () => {
    const code = (await issue({ amount: 3000 })).json().code;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => redeem({ code, amount: 1000, reference: `cart-${i}` }, `c-${i}`)),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(
      Array(5).fill('insufficient_credit'),
    );
    expect((await t.call('GET', `/api/v1/store-credit/codes/${code}`)).json()).toMatchObject({
      balance: 0,
      status: 'spent',
    });
  });

  it("makes a case's store credit a code the customer can spend, and lists it with their balance", async () => {
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const c = (
      await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: o.id, data: { subject: 'Late' } })
    ).json();
    const r = await t.call(
      'POST',
      `/api/v1/cases/${c.id}/resolve`,
      { resolution: { type: 'store_credit', amount: 1500, goodwill: true, message: 'A little something' } },
      { headers: { 'idempotency-key': 'sc-case-1' } },
    );
    const code = r.json().resolution.credit_code;
    expect(code).toMatch(/^SC-/);
    expect((await redeem({ code, amount: 1500 }, 'sc-spend-1')).json().balance).toBe(0);
    const mine = (await t.call('GET', `/api/v1/customers/${o.customer.id}/store-credit`)).json();
    expect(mine.codes.map((x: { code: string }) => x.code)).toContain(code);
    expect(
      mine.ledger.filter((e: { code: string }) => e.code === code).map((e: { amount: number }) => e.amount),
    ).toEqual([1500, -1500]);
  });

  it("gives credit from a case the policy's lifetime", async () => {
    expect((await t.call('PUT', '/api/v1/policy', { store_credit_valid_days: 30 })).statusCode).toBe(200);
    const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
    const c = (
      await t.call('POST', '/api/v1/cases', { kind: 'inquiry', order_id: o.id, data: { subject: 'Late' } })
    ).json();
    const code = (
      await t.call(
        'POST',
        `/api/v1/cases/${c.id}/resolve`,
        { resolution: { type: 'store_credit', amount: 500, goodwill: true, message: 'For the wait' } },
        { headers: { 'idempotency-key': 'sc-life-1' } },
      )
    ).json().resolution.credit_code;
    const view = (await t.call('GET', `/api/v1/store-credit/codes/${code}`)).json();
    const days = (Date.parse(view.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(view.status).toBe('active');
  });
});
