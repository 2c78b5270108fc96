// Answering a payment dispute from the case page: for a Stripe dispute of a store that connected
// its Stripe account, the evidence (customer, product, carrier, tracking and date, the policy at
// checkout, what the customer wrote) goes to Stripe and is submitted; the case moves to `submitted`.
// The provider call runs with no transaction open; its key makes a retry harmless.
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { submitStripeEvidence } from '../../integrations/payments/stripe-disputes.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import type { Actor } from '../auth/actor.ts';
import { getIntegration } from '../integrations/integrations.queries.ts';
import { disputeStep } from './case-steps.ts';
import { getCase, updateCase } from './cases.queries.ts';
import { evidencePackInput } from './evidence-pack.ts';
import { renderEvidencePack } from './evidence-pack-pdf.ts';

export async function submitDisputeEvidence(
  database: Database,
  files: FileStore,
  box: SecretBox,
  actor: Actor,
  caseId: string,
): Promise<void> {
  const row = await getCase(database.db, actor.storeId, caseId);
  if (!row) throw new AppError('not_found', 'Case not found');
  if (row.kind !== 'dispute') throw new AppError('invalid_request', 'This case is not a dispute');
  if (row.status !== 'open')
    throw new AppError(
      'illegal_transition',
      `The evidence was already sent or the dispute is ${row.status}`,
      {
        from: row.status,
        to: 'submitted',
      },
    );
  const data = (row.data ?? {}) as Record<string, unknown>;
  const disputeId = typeof data.provider_dispute_id === 'string' ? data.provider_dispute_id : null;
  const integration = await getIntegration(database.db, actor.storeId, 'stripe');
  const apiKey = integration?.secrets
    ? (JSON.parse(box.open(integration.secrets)) as { api_key?: string }).api_key
    : undefined;
  if (data.provider !== 'stripe' || !disputeId || !apiKey)
    throw new AppError(
      'invalid_request',
      `Only a Stripe dispute of a connected Stripe account is answered from here: send the evidence pack in the provider's dashboard, then record it with POST /cases/{id}/dispute {"status": "submitted"}`,
    );
  const pack = await evidencePackInput(database.db, files, actor.storeId, caseId);
  const delivered = pack.fulfillments.find((f) => f.delivered_at) ?? pack.fulfillments[0];
  const address = pack.order.shipping_address;
  const status = await submitStripeEvidence(
    { apiKey, baseUrl: integration?.base_url ?? null },
    disputeId,
    {
      customer_name: pack.order.customer.name,
      customer_email_address: pack.order.customer.email,
      product_description: pack.order.lines.map((l) => `${l.quantity} × ${l.title} (${l.sku})`).join('; '),
      shipping_address: [
        address.name,
        address.line1,
        address.line2,
        address.postal_code,
        address.city,
        address.region,
        address.country,
      ]
        .filter(Boolean)
        .join(', '),
      shipping_carrier: delivered?.carrier ?? null,
      shipping_tracking_number: delivered?.tracking_number ?? null,
      shipping_date: delivered?.shipped_at?.slice(0, 10) ?? null,
      refund_policy: pack.policy ? pack.policy.summary.join('\n') : null,
      customer_communication_text: pack.messages.length
        ? pack.messages
            .map((m) => `${m.at} ${m.direction === 'in' ? 'Customer' : 'Store'}: ${m.body}`)
            .join('\n')
        : null,
      uncategorized_text: `Order ${pack.order.number}. ${delivered?.delivered_at ? `Delivered ${delivered.delivered_at}.` : 'Not reported delivered.'} Evidence pack ${pack.dispute.number} available on request.`,
    },
    `aftersale-dispute-evidence-${caseId}`,
    { name: `evidence-${pack.dispute.number}.pdf`, pdf: await renderEvidencePack(pack) },
  );
  await database.db.transaction().execute(async (trx) => {
    await disputeStep(trx, actor, caseId, { status: 'submitted', note: `sent to Stripe (${status})` });
    const fresh = await getCase(trx, actor.storeId, caseId);
    await updateCase(trx, actor.storeId, caseId, {
      data: {
        ...((fresh?.data ?? {}) as Record<string, unknown>),
        provider_status: status,
        evidence_submitted_at: new Date().toISOString(),
      },
    });
  });
}
