// Which client refunds a store's payment: the store's own Stripe account when it connected one
// (its API key from the sealed integration settings), else the built-in registry (manual).

import { easypostCarrier } from '../../integrations/carriers/easypost.ts';
import { PayPalClient, paypalProvider } from '../../integrations/payments/paypal.ts';
import type { StoreProviders } from '../../integrations/payments/provider.ts';
import { shopifyRefundProvider } from '../../integrations/payments/shopify.ts';
import { stripeProvider } from '../../integrations/payments/stripe.ts';
import { wooRefundProvider } from '../../integrations/payments/woocommerce.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { shopifyAdmin } from '../../integrations/shopify/admin-client.ts';
import { wooClient } from '../../integrations/woocommerce/read-orders.ts';
import type { StoreCarrier } from '../returns/issue-label.ts';
import { getIntegration } from './integrations.queries.ts';

export function storeProviders(box: SecretBox): StoreProviders {
  return async (db, storeId, code) => {
    if (code !== 'stripe' && code !== 'shopify' && code !== 'woocommerce' && code !== 'paypal')
      return undefined;
    const row = await getIntegration(db, storeId, code);
    if (!row?.secrets) return undefined;
    const secrets = JSON.parse(box.open(row.secrets)) as { api_key?: string };
    if (!secrets.api_key) return undefined;
    if (code === 'stripe') return stripeProvider({ apiKey: secrets.api_key, baseUrl: row.base_url });
    if (code === 'paypal')
      return paypalProvider(new PayPalClient({ apiKey: secrets.api_key, baseUrl: row.base_url }));
    if (code === 'woocommerce')
      return row.base_url
        ? wooRefundProvider(wooClient({ url: row.base_url, apiKey: secrets.api_key }))
        : undefined;
    return shopifyRefundProvider(
      shopifyAdmin({ shopDomain: row.shop_domain, accessToken: secrets.api_key, baseUrl: row.base_url }),
    );
  };
}

/** The store's EasyPost account for return labels, when it connected one with an API key. */
export function storeCarrier(box: SecretBox): StoreCarrier {
  return async (trx, storeId) => {
    const row = await getIntegration(trx, storeId, 'easypost');
    if (!row?.secrets) return undefined;
    const secrets = JSON.parse(box.open(row.secrets)) as { api_key?: string };
    if (!secrets.api_key) return undefined;
    return easypostCarrier({ apiKey: secrets.api_key, baseUrl: row.base_url });
  };
}
