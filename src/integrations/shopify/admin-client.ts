// Shopify's Admin REST API through the official client (@shopify/admin-api-client): it sends the
// access token, retries 429 and 5xx answers after Shopify's Retry-After, and may point at another
// address (a local stand-in in tests) through the integration's base_url.
import { type AdminRestApiClient, createAdminRestApiClient } from '@shopify/admin-api-client';

export const SHOPIFY_API_VERSION = '2025-07';

export interface ShopifySettings {
  shopDomain: string | null;
  accessToken: string;
  baseUrl: string | null;
}

export function shopifyAdmin(settings: ShopifySettings): AdminRestApiClient {
  const base = settings.baseUrl ? new URL(settings.baseUrl) : null;
  const storeDomain = base ? base.host : settings.shopDomain;
  if (!storeDomain) throw new Error('The Shopify integration needs its shop_domain (my-store.myshopify.com)');
  return createAdminRestApiClient({
    storeDomain,
    apiVersion: SHOPIFY_API_VERSION,
    accessToken: settings.accessToken,
    scheme: base?.protocol === 'http:' ? 'http' : 'https',
    retries: 3,
    userAgentPrefix: 'Aftersale',
  });
}

/** The next page's `page_info` from a Link header (`<…page_info=abc…>; rel="next"`). */
export function nextPageInfo(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>;\s*rel="next"/.exec(part.trim());
    if (m?.[1]) return new URL(m[1]).searchParams.get('page_info');
  }
  return null;
}
