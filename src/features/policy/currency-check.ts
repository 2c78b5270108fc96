// What the console warns about: policy amounts that would not apply to some of the store's orders
// because the policy gives no amount in their currency and the store keeps no rate to convert one.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { unpricedAmounts } from '../../domain/policy/pricing.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import { currentPolicy } from './policy.queries.ts';

export async function currencyCheck(trx: Tx, storeId: string) {
  const [store, policy, rates, sold] = await Promise.all([
    getStore(trx, storeId),
    currentPolicy(trx, storeId),
    loadRateTable(trx, storeId),
    // the currencies of the last year's orders
    sql<{ currency: string }>`SELECT DISTINCT currency FROM orders
      WHERE store_id = ${storeId} AND placed_at > now() - interval '365 days'`.execute(trx),
  ]);
  if (!store || !policy) throw new AppError('not_found', 'The store has no policy yet');
  const currencies = [...new Set([store.currency, ...sold.rows.map((r) => r.currency.trim())])].sort();
  const document = { ...policy.document, currency: policy.document.currency ?? store.currency };
  return {
    policy_currency: document.currency,
    currencies,
    unpriced: unpricedAmounts(document, currencies, rates, new Date().toISOString().slice(0, 10)),
  };
}
