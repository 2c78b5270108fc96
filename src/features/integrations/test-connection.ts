// "Test the connection": one cheap authenticated call per provider with the store's saved settings,
// answering whether it worked and, if not, what the provider said.
import type { Database } from '../../db/connect.ts';
import { easypostClient } from '../../integrations/carriers/easypost.ts';
import { PayPalClient } from '../../integrations/payments/paypal.ts';
import { StripeClient } from '../../integrations/payments/stripe.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { shopifyAdmin } from '../../integrations/shopify/admin-client.ts';
import { wooClient } from '../../integrations/woocommerce/read-orders.ts';
import { getIntegration } from './integrations.queries.ts';

export interface ConnectionTest {
  ok: boolean;
  detail: string;
}

function stripeClient(apiKey: string, baseUrl: string | null) {
  const url = baseUrl ? new URL(baseUrl) : null;
  return new (StripeClient())(apiKey, {
    maxNetworkRetries: 0,
    timeout: 15_000,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port) || 443,
          protocol: url.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

export async function testConnection(
  database: Database,
  box: SecretBox,
  storeId: string,
  provider: string,
): Promise<ConnectionTest> {
  const row = await getIntegration(database.db, storeId, provider);
  const apiKey = row?.secrets
    ? (JSON.parse(box.open(row.secrets)) as { api_key?: string }).api_key
    : undefined;
  if (!row || !apiKey) return { ok: false, detail: 'No API key saved for this provider' };
  try {
    switch (provider) {
      case 'stripe': {
        const balance = await stripeClient(apiKey, row.base_url).balance.retrieve();
        return { ok: true, detail: `Stripe answered (${balance.livemode ? 'live' : 'test'} mode)` };
      }
      case 'shopify': {
        const res = await shopifyAdmin({
          shopDomain: row.shop_domain,
          accessToken: apiKey,
          baseUrl: row.base_url,
        }).get('shop');
        if (!res.ok) return { ok: false, detail: `Shopify answered ${res.status}` };
        const shop = ((await res.json()) as { shop?: { name?: string } }).shop;
        return { ok: true, detail: `Connected to ${shop?.name ?? 'the shop'}` };
      }
      case 'woocommerce': {
        if (!row.base_url) return { ok: false, detail: "Set the shop's address as API address" };
        await wooClient({ url: row.base_url, apiKey }).get('orders', { per_page: 1 });
        return { ok: true, detail: 'WooCommerce answered' };
      }
      case 'paypal': {
        // a token is what every call starts with: it proves the credentials
        await new PayPalClient({ apiKey, baseUrl: row.base_url }).checkCredentials();
        return { ok: true, detail: 'PayPal accepted the credentials' };
      }
      case 'easypost': {
        const me = (await easypostClient({ apiKey, baseUrl: row.base_url }).User.retrieveMe()) as unknown as {
          name?: string;
        };
        return { ok: true, detail: `Connected as ${me.name ?? 'the EasyPost account'}` };
      }
      default:
        return { ok: false, detail: `No connection test for ${provider}` };
    }
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}
