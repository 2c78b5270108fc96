// Answering a Stripe dispute from the case page: the evidence fields Stripe's reviewers read (the
// customer, the product, shipping carrier, tracking and date, the refund policy, the correspondence)
// filled from the order and the case, sent with `submit: true` through the official client.
import type Stripe from 'stripe';
import { StripeClient, type StripeSettings } from './stripe.ts';

export interface DisputeEvidence {
  customer_name: string | null;
  customer_email_address: string;
  product_description: string;
  shipping_address: string;
  shipping_carrier: string | null;
  shipping_tracking_number: string | null;
  shipping_date: string | null;
  refund_policy: string | null;
  customer_communication_text: string | null;
  uncategorized_text: string;
}

function client(settings: StripeSettings): Stripe {
  const url = settings.baseUrl ? new URL(settings.baseUrl) : null;
  return new (StripeClient())(settings.apiKey, {
    maxNetworkRetries: 1,
    timeout: 30_000,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
          protocol: url.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

/** Sends the evidence and submits it; answers Stripe's new dispute status. */
export async function submitStripeEvidence(
  settings: StripeSettings,
  disputeId: string,
  evidence: DisputeEvidence,
  idempotencyKey: string,
  /** the evidence pack, uploaded as a dispute-evidence file beside the fields */
  pack?: { name: string; pdf: Buffer },
): Promise<string> {
  const text = (v: string | null, max = 20_000) => (v ? v.slice(0, max) : undefined);
  const stripe = client(settings);
  const file = pack
    ? await stripe.files.create(
        { purpose: 'dispute_evidence', file: { data: pack.pdf, name: pack.name, type: 'application/pdf' } },
        { idempotencyKey: `${idempotencyKey}-file` },
      )
    : null;
  const dispute = await stripe.disputes.update(
    disputeId,
    {
      evidence: {
        customer_name: text(evidence.customer_name, 5000),
        customer_email_address: evidence.customer_email_address,
        product_description: text(evidence.product_description),
        shipping_address: text(evidence.shipping_address, 5000),
        shipping_carrier: text(evidence.shipping_carrier, 5000),
        shipping_tracking_number: text(evidence.shipping_tracking_number, 5000),
        shipping_date: text(evidence.shipping_date, 5000),
        refund_policy_disclosure: text(evidence.refund_policy),
        ...(file ? { uncategorized_file: file.id } : {}),
        uncategorized_text: text(
          [evidence.uncategorized_text, evidence.customer_communication_text].filter(Boolean).join('\n\n'),
        ),
      },
      submit: true,
    },
    { idempotencyKey },
  );
  return dispute.status;
}
