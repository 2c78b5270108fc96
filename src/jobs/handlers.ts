// Every job kind the worker knows, with its handler.
import { applyDeliveryJob } from '../features/integrations/apply-delivery.ts';
import { executeRefundJob } from '../features/refunds/execute-refund.ts';
import { type ProviderRegistry, providerRegistry } from '../integrations/payments/provider.ts';
import type { JobHandlers } from './queue.ts';

export function jobHandlers(providers: ProviderRegistry = providerRegistry()): JobHandlers {
  return { 'refunds.execute': executeRefundJob(providers), 'webhooks.apply': applyDeliveryJob };
}
