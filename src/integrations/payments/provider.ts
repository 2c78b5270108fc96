// The seam where payment providers plug in. A provider refunds against the original payment; the
// key we pass is derived from our refund id, so a retried job can never pay twice.

export interface RefundRequest {
  amount: number;
  currency: string;
  payment_reference: string | null;
  idempotency_key: string;
  reason: string;
}

export interface RefundOutcome {
  /** pending: the provider took the refund and will say how it ends (its webhook) */
  status: 'succeeded' | 'pending' | 'requires_action' | 'failed';
  reference: string | null;
  message?: string;
}

export interface PaymentProvider {
  code: string;
  refund(req: RefundRequest): Promise<RefundOutcome>;
}

/**
 * The built-in provider: nothing is sent anywhere. The refund is recorded and waits for the
 * finance team to pay it by hand and confirm it (POST /api/v1/refunds/{id}/confirm).
 */
export const manualProvider: PaymentProvider = {
  code: 'manual',
  async refund() {
    return { status: 'requires_action', reference: null, message: 'to be paid by hand' };
  },
};

export type ProviderRegistry = ReadonlyMap<string, PaymentProvider>;

export function providerRegistry(providers: readonly PaymentProvider[] = [manualProvider]): ProviderRegistry {
  return new Map(providers.map((p) => [p.code, p]));
}

/** A store's own client for a provider (its API key from the integration settings), if it has one. */
export type StoreProviders = (
  db: import('kysely').Kysely<import('../../db/schema.ts').DB>,
  storeId: string,
  code: string,
) => Promise<PaymentProvider | undefined>;

/** Orders paid through a provider we have no client for are refunded by hand. */
export function providerFor(registry: ProviderRegistry, code: string): PaymentProvider {
  return registry.get(code) ?? registry.get('manual') ?? manualProvider;
}
