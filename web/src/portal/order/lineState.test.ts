// The order page says only what holds before the customer has chosen anything.
import { describe, expect, it } from 'vitest';
import { itemReasons } from './lineState.ts';

describe('itemReasons', () => {
  it('keeps whether and until when, and leaves out what depends on a choice not made yet', () => {
    // what the engine says for a line when the order page asks about the whole order
    const said = [
      'legal_floor',
      'within_window',
      'return_shipping_customer',
      'return_shipping_fee',
      'shipping_refunded_withdrawal',
      'restocking_fee_unopened',
      'refund_required_by_law',
      'review_rule',
      'final_sale_statutory_right',
      'legal_guarantee',
    ].map((code) => ({ code }));
    expect(itemReasons(said).map((e) => e.code)).toEqual([
      'legal_floor',
      'within_window',
      'final_sale_statutory_right',
    ]);
  });

  it('keeps why an item cannot come back', () => {
    const said = ['outside_window', 'store_window', 'shipping_not_refunded'].map((code) => ({ code }));
    expect(itemReasons(said).map((e) => e.code)).toEqual(['outside_window', 'store_window']);
  });
});
