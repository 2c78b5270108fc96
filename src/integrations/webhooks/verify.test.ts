import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signAs, verifyWebhook } from './verify.ts';

const payload = (p: string) =>
  readFileSync(new URL(`../../../../shared/data/payloads/${p}`, import.meta.url));
const SECRET = 'whsec_test_0123456789';

describe('webhook signatures on recorded payloads', () => {
  it('accepts a Shopify order delivery signed with the secret, refuses one signed with another', () => {
    const body = payload('shopify/order.json');
    const headers = {
      ...signAs('shopify', SECRET, body),
      'x-shopify-webhook-id': 'w1',
      'x-shopify-topic': 'orders/create',
    };
    expect(verifyWebhook('shopify', SECRET, headers, body)).toEqual({
      deliveryId: 'w1',
      topic: 'orders/create',
    });
    expect(verifyWebhook('shopify', 'another-secret', headers, body)).toBeNull();
    const tampered = Buffer.from(body.toString('utf8').replace('"order_number"', '"order_numbr"'));
    expect(verifyWebhook('shopify', SECRET, headers, tampered)).toBeNull();
  });

  it('accepts a Stripe event within 300 s, not older, with its id and type from the body', () => {
    const event = JSON.parse(payload('stripe/event.json').toString());
    const body = Buffer.from(
      JSON.stringify({
        ...event,
        type: 'charge.dispute.created',
        data: { object: JSON.parse(payload('stripe/dispute.json').toString()) },
      }),
    );
    const at = new Date('2026-12-04T12:00:00Z');
    const headers = signAs('stripe', SECRET, body, at);
    expect(verifyWebhook('stripe', SECRET, headers, body, new Date(at.getTime() + 299_000))).toEqual({
      deliveryId: event.id,
      topic: 'charge.dispute.created',
    });
    expect(verifyWebhook('stripe', SECRET, headers, body, new Date(at.getTime() + 301_000))).toBeNull();
    expect(verifyWebhook('stripe', SECRET, { 'stripe-signature': 't=1,v1=zz' }, body, at)).toBeNull();
  });

  it("agrees with the stripe package's own test header", async () => {
    const { default: Stripe } = await import('stripe');
    const body = payload('stripe/event.json');
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({
      payload: body.toString('utf8'),
      secret: SECRET,
    });
    expect(verifyWebhook('stripe', SECRET, { 'stripe-signature': header }, body)?.deliveryId).toBe(
      JSON.parse(body.toString()).id,
    );
  });

  it('accepts WooCommerce and EasyPost deliveries the same way', () => {
    const woo = payload('woocommerce/order_create_response.json');
    const wh = {
      ...signAs('woocommerce', SECRET, woo),
      'x-wc-webhook-delivery-id': 'd9',
      'x-wc-webhook-topic': 'order.created',
    };
    expect(verifyWebhook('woocommerce', SECRET, wh, woo)).toEqual({
      deliveryId: 'd9',
      topic: 'order.created',
    });
    const ep = payload('easypost/event_tracker_updated.json');
    const parsed = JSON.parse(ep.toString());
    expect(verifyWebhook('easypost', SECRET, signAs('easypost', SECRET, ep), ep)).toEqual({
      deliveryId: parsed.id,
      topic: parsed.description,
    });
    expect(verifyWebhook('easypost', SECRET, { 'x-hmac-signature': 'hmac-sha256-hex=00' }, ep)).toBeNull();
  });
});
