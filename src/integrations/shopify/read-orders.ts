// A Shopify store's orders since a date through the Admin API: 250 a page, the next page from the
// Link header's page_info (Shopify's cursor pagination), the total from orders/count; each order
// mapped or refused with the reason. The client waits out 429s itself.
import type { AdminRestApiClient } from '@shopify/admin-api-client';
import type { ImportItem } from '../../features/orders/import-orders.ts';
import { orderInputSchema } from '../../features/orders/orders.schemas.ts';
import { nextPageInfo } from './admin-client.ts';
import { shopifyOrderToInput } from './order-mapping.ts';

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  if (!res.ok) throw new Error(`Shopify ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function* readShopifyOrders(
  client: AdminRestApiClient,
  since: Date,
  options: { onTotal?: (total: number) => void } = {},
): AsyncGenerator<ImportItem> {
  const filters = { status: 'any', created_at_min: since.toISOString() };
  const count = await json(await client.get('orders/count', { searchParams: filters }), 'orders/count');
  options.onTotal?.(Number(count.count ?? 0));
  let params: Record<string, string | number> = { ...filters, limit: 250 };
  for (;;) {
    const res = await client.get('orders', { searchParams: params });
    const body = await json(res, 'orders');
    for (const raw of Array.isArray(body.orders) ? body.orders : []) {
      try {
        yield { order: orderInputSchema.parse(shopifyOrderToInput(raw)) };
      } catch (err) {
        yield {
          errors: [err instanceof Error ? (err.message.split('\n')[0] ?? 'not an order') : String(err)],
          external_id: `shopify:${String((raw as { id?: unknown }).id)}`,
        };
      }
    }
    const next = nextPageInfo(res.headers.get('link'));
    if (!next) return;
    // with page_info Shopify takes no other filter than the page size
    params = { page_info: next, limit: 250 };
  }
}
