// The job behind a pending refund: ask the provider, record the outcome. Runs in the worker, after
// the refund was committed, with no transaction open during the provider call; the provider sees a
// key derived from the refund and the job on every retry, so a call that did pay before its worker
// died (or timed out) is recognised. A thrown error (network, timeout) is retried with backoff; a
// provider's definite "failed" gives the amount back to the order's refundable room so the team can
// pay it another way.
import {
  type ProviderRegistry,
  providerFor,
  type StoreProviders,
} from '../../integrations/payments/provider.ts';
import { completeJob, type JobHandler } from '../../jobs/queue.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import {
  addRefunded,
  findRefund,
  lockRefund,
  paymentReference,
  setRefundOutcome,
} from './refunds.queries.ts';

export function executeRefundJob(providers: ProviderRegistry, storeProviders?: StoreProviders): JobHandler {
  return async (db, job) => {
    const { refund_id } = job.payload as { refund_id: string };
    const refund = await findRefund(db, job.store_id, refund_id);
    if (refund?.status !== 'pending') return;
    const provider =
      (await storeProviders?.(db, job.store_id, refund.provider)) ?? providerFor(providers, refund.provider);
    const outcome = await provider.refund({
      amount: refund.amount,
      currency: refund.currency,
      payment_reference: await paymentReference(db, job.store_id, refund),
      // Stable across this job's retries (a timeout that did pay is recognised), new for a job that
      // re-sends a refund the provider refused.
      idempotency_key: `aftersale-refund-${refund.id}-${job.id}`,
      reason: 'return',
    });
    await db.transaction().execute(async (trx) => {
      // A worker whose lease ran out may answer after the next attempt finished the job (and the
      // refund was perhaps sent again under a new job): the first outcome recorded stands.
      const current = await lockRefund(trx, job.store_id, refund.id);
      if (current?.status !== 'pending' || !(await completeJob(trx, job.id))) return;
      if (outcome.status === 'failed') await addRefunded(trx, job.store_id, refund.order_id, -refund.amount);
      await setRefundOutcome(trx, job.store_id, refund.id, {
        status: outcome.status,
        provider_reference: outcome.reference,
      });
      if (refund.case_id)
        await insertEvent(trx, {
          store_id: job.store_id,
          case_id: refund.case_id,
          type: `refund_${outcome.status}`,
          actor: `provider:${provider.code}`,
          data: {
            refund_id: refund.id,
            amount: refund.amount,
            reference: outcome.reference,
            message: outcome.message ?? null,
          },
        });
    });
  };
}
