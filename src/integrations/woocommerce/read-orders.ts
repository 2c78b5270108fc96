// A WooCommerce store's orders since a date, page by page through its REST API (the official
// client), each mapped onto our order model or refused with the reason. Woo sends 100 orders a page
// and the page count in X-WP-TotalPages; a 429 (a host's rate limit) waits for Retry-After and asks
// again. Yields import items for the same batched import as the CSV and Olist readers.
import type wooModule from '@woocommerce/woocommerce-rest-api';
import type { ImportItem } from '../../features/orders/import-orders.ts';
import { orderInputSchema } from '../../features/orders/orders.schemas.ts';
import { lazy, requireModule } from '../lazy.ts';
import { wooOrderToInput } from './order-mapping.ts';

export interface WooSettings {
  /** the shop's address, e.g. https://shop.example */
  url: string;
  /** "ck_…:cs_…", the REST API key pair */
  apiKey: string;
}

// The package is CommonJS compiled from ES modules: Node hands its exports object (the class is
// `default`), a bundler's interop the class itself.
// Loaded on first use (lazy.ts).
const WooCommerceRestApi = lazy(() => {
  const m = requireModule('@woocommerce/woocommerce-rest-api') as typeof wooModule;
  return (typeof m === 'function' ? m : m.default) as typeof wooModule.default;
});
type WooCommerceRestApi = InstanceType<typeof wooModule.default>;

const PER_PAGE = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function wooClient(settings: WooSettings): WooCommerceRestApi {
  const [consumerKey, consumerSecret] = settings.apiKey.split(':');
  if (!consumerKey || !consumerSecret)
    throw new Error(
      'The WooCommerce api_key is the key pair "ck_…:cs_…" (WooCommerce > Settings > Advanced > REST API)',
    );
  return new (WooCommerceRestApi())({ url: settings.url, consumerKey, consumerSecret, version: 'wc/v3' });
}

interface Page {
  data: unknown[];
  headers: Record<string, string>;
}

async function getPage(
  client: WooCommerceRestApi,
  params: Record<string, unknown>,
  waitMs: (s: number) => Promise<void>,
): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await client.get('orders', params)) as Page;
    } catch (err) {
      const res = (err as { response?: { status?: number; headers?: Record<string, string> } }).response;
      if (res?.status === 429 && attempt < 8) {
        await waitMs(Number(res.headers?.['retry-after'] ?? 5));
        continue;
      }
      throw err;
    }
  }
}

export async function* readWooOrders(
  client: WooCommerceRestApi,
  since: Date,
  options: { onTotal?: (total: number) => void; wait?: (seconds: number) => Promise<void> } = {},
): AsyncGenerator<ImportItem> {
  const wait = options.wait ?? (async (s: number) => void (await sleep(s * 1000)));
  for (let page = 1, pages = 1; page <= pages; page++) {
    const res = await getPage(
      client,
      { after: since.toISOString(), per_page: PER_PAGE, page, orderby: 'date', order: 'asc' },
      wait,
    );
    pages = Number(res.headers['x-wp-totalpages'] ?? 1);
    if (page === 1) options.onTotal?.(Number(res.headers['x-wp-total'] ?? res.data.length));
    for (const raw of res.data) {
      const id = (raw as { id?: unknown }).id;
      try {
        yield { order: orderInputSchema.parse(wooOrderToInput(raw)) };
      } catch (err) {
        yield {
          errors: [err instanceof Error ? (err.message.split('\n')[0] ?? 'not an order') : String(err)],
          external_id: `woocommerce:${String(id)}`,
        };
      }
    }
  }
}
