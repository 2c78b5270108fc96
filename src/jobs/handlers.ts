// Every job kind the worker knows, with its handler.
import { applyDeliveryJob } from '../features/integrations/apply-delivery.ts';
import { storeProviders } from '../features/integrations/store-providers.ts';
import { sendOutboundJob } from '../features/integrations/webhooks-out.ts';
import { type SenderDeps, sendMessageJob } from '../features/notifications/send-message.ts';
import { executeRefundJob } from '../features/refunds/execute-refund.ts';
import { type ProviderRegistry, providerRegistry } from '../integrations/payments/provider.ts';
import type { SecretBox } from '../integrations/secret-box.ts';
import type { JobHandlers } from './queue.ts';

/** `box` opens the stores' integration secrets (their own Stripe accounts); without it refunds go
 *  through the registry only. `sender`: how mail leaves (without it, messages stay in the outbox). */
export function jobHandlers(
  providers: ProviderRegistry = providerRegistry(),
  box?: SecretBox,
  sender: SenderDeps = { mailer: null, from: null, publicUrl: 'http://localhost:3000' },
): JobHandlers {
  return {
    'messages.send': sendMessageJob(sender),
    'refunds.execute': executeRefundJob(providers, box ? storeProviders(box) : undefined),
    'webhooks.apply': applyDeliveryJob,
    ...(box ? { 'webhooks.send': sendOutboundJob(box) } : {}),
  };
}
