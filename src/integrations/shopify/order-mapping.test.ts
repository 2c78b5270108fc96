import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderInputSchema } from '../../features/orders/orders.schemas.ts';
import { shopifyOrderToInput } from './order-mapping.ts';

const payload = (p: string) =>
  JSON.parse(readFileSync(new URL(`../../../../shared/data/payloads/${p}`, import.meta.url), 'utf8'));

describe('a Shopify order onto the order model (recorded payloads)', () => {
  it('maps order 1001: number, external id, money in cents, tax spread, fulfilment', () => {
    const input = orderInputSchema.parse(shopifyOrderToInput(payload('shopify/order.json')));
    expect(input).toMatchObject({
      external_id: 'shopify:450789469',
      number: '1001',
      currency: 'USD',
      customer: { email: 'bob.norman@hostmail.com', name: 'Bob Norman' },
      shipping_address: {
        line1: 'Chestnut Street 92',
        city: 'Louisville',
        region: 'KY',
        postal_code: '40202',
        country: 'US',
      },
      shipping: { amount: 0, tax: 0 },
      payments: [{ provider: 'shopify', reference: 'shopify:450789469', amount: 40994 }],
    });
    expect(input.lines.map((l) => [l.id, l.sku, l.unit_price, l.quantity])).toEqual([
      ['466157049', 'IPOD2008GREEN', 19900, 1],
      ['518995019', 'IPOD2008RED', 19900, 1],
      ['703073504', 'IPOD2008BLACK', 19900, 1],
    ]);
    // the order's 11.94 of tax, held by no line, spread over the lines by value, largest remainder
    expect(input.lines.map((l) => l.tax)).toEqual([398, 398, 398]);
    // (this old fixture says total_line_items_price 398.00 beside three lines of 199.00: the lines
    // are taken as they are, and what was paid is the order's total_price)
    expect(input.lines.reduce((s, l) => s + l.unit_price * l.quantity + l.tax, 0)).toBe(59700 + 1194);
  });

  it('refuses a list entry without line items with a clear reason (the orders page is a summary)', () => {
    const { orders } = payload('shopify/orders.json');
    expect(() => shopifyOrderToInput(orders[0])).toThrow(/carries no line items/);
  });
});
