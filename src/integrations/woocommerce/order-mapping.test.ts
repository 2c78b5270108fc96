import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderInputSchema } from '../../features/orders/orders.schemas.ts';
import { wooOrderToInput } from './order-mapping.ts';

const order = JSON.parse(
  readFileSync(
    new URL('../../../../shared/data/payloads/woocommerce/order_create_response.json', import.meta.url),
    'utf8',
  ),
);

describe('a WooCommerce order onto the order model (recorded payload)', () => {
  it('maps order 727 to the cent: lines, tax, shipping, what was paid', () => {
    const input = orderInputSchema.parse(wooOrderToInput(order));
    expect(input).toMatchObject({
      external_id: 'woocommerce:727',
      number: '727',
      currency: 'USD',
      placed_at: '2017-03-22T19:28:02Z',
      customer: { email: 'john.doe@example.com', name: 'John Doe', phone: '(555) 555-5555' },
      shipping_address: {
        line1: '969 Market',
        city: 'San Francisco',
        region: 'CA',
        postal_code: '94103',
        country: 'US',
      },
      shipping: { amount: 1000, tax: 0 },
      payments: [{ provider: 'woocommerce', reference: 'woocommerce:727', amount: 2935 }],
      fulfillments: [],
    });
    expect(
      input.lines.map((l) => [l.id, l.sku, l.title, l.variant, l.quantity, l.unit_price, l.discount, l.tax]),
    ).toEqual([
      ['315', 'woocommerce-product-93', 'Woo Single #1', null, 2, 300, 0, 45],
      ['316', 'Bar3', 'Ship Your Idea – Color: Black, Size: M Test', 'black / M Test', 1, 1200, 0, 90],
    ]);
    const total =
      input.lines.reduce((s, l) => s + l.unit_price * l.quantity - l.discount + l.tax, 0) +
      input.shipping.amount +
      input.shipping.tax;
    expect(total).toBe(2935);
  });

  it('counts a completed order as shipped, and refuses one without lines', () => {
    const done = orderInputSchema.parse(
      wooOrderToInput({ ...order, status: 'completed', date_completed_gmt: '2017-03-25T10:00:00' }),
    );
    expect(done.fulfillments[0]).toMatchObject({
      shipped_at: '2017-03-25T10:00:00Z',
      lines: [
        { line_id: '315', quantity: 2 },
        { line_id: '316', quantity: 1 },
      ],
    });
    expect(() => wooOrderToInput({ ...order, line_items: [] })).toThrow(/carries no line items/);
  });
});
