// What a case step needs to decide: the order (locked), the store, the policy in force, the units
// already settled on each line, and an explainer in the customer's language.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { defaultTimeZone } from '../../domain/jurisdictions.ts';
import { type Explainer, makeExplainer } from '../../domain/policy/explain.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { normalizeLanguage } from '../../i18n/index.ts';
import { loadOrder, type StoredOrder } from '../orders/load-order.ts';
import { lockOrder, returnedQuantities } from '../orders/orders.queries.ts';
import { currentPolicy } from '../policy/policy.queries.ts';
import { getStore, type Store } from '../stores/stores.queries.ts';
import { settledQuantities } from './cases.queries.ts';

export interface CaseContext {
  stored: StoredOrder;
  store: Store;
  policy: Policy;
  policyVersion: number;
  /** units of each line already settled by returns and cases */
  settled: Map<string, number>;
  explain: Explainer;
  language: string;
}

export async function loadCaseContext(
  trx: Tx,
  storeId: string,
  orderId: string,
  options: { lock?: boolean; language?: string | undefined } = {},
): Promise<CaseContext> {
  // The order row lock serialises every money and quantity step on one order.
  if (options.lock !== false && !(await lockOrder(trx, storeId, orderId)))
    throw new AppError('not_found', 'Order not found');
  const [stored, store, saved] = await Promise.all([
    loadOrder(trx, storeId, orderId),
    getStore(trx, storeId),
    currentPolicy(trx, storeId),
  ]);
  if (!stored) throw new AppError('not_found', 'Order not found');
  if (!store) throw new AppError('not_found', 'Store not found');
  if (!saved) throw new AppError('internal', 'The store has no policy');
  const policy = { ...saved.document, currency: saved.document.currency ?? store.currency };
  const settled = await settledQuantities(
    trx,
    storeId,
    orderId,
    await returnedQuantities(trx, storeId, orderId),
  );
  const order = stored.order;
  const language = normalizeLanguage(options.language ?? order.customer.language);
  const explain = makeExplainer({
    language,
    currency: order.currency,
    timeZone: order.customer.time_zone ?? defaultTimeZone(order.shipping_address.country),
    policyVersion: saved.version,
  });
  return { stored, store, policy, policyVersion: saved.version, settled, explain, language };
}
