import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { saveSupplierTerms } from '../suppliers/supplier-terms.queries.ts';
import type { ProductInput, SupplierInput } from './catalog.schemas.ts';

export async function upsertProducts(trx: Tx, storeId: string, products: ProductInput[]): Promise<void> {
  if (!products.length) return;
  await trx
    .insertInto('products')
    .values(
      products.map((p) => ({
        store_id: storeId,
        id: randomUUID(),
        ...p,
        prices: JSON.stringify(p.prices),
        // a cost without its currency is in the product's own
        unit_cost_currency: p.unit_cost === null ? null : (p.unit_cost_currency ?? p.currency),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['store_id', 'sku']).doUpdateSet((eb) => ({
        product_group: eb.ref('excluded.product_group'),
        title: eb.ref('excluded.title'),
        variant: eb.ref('excluded.variant'),
        category: eb.ref('excluded.category'),
        price: eb.ref('excluded.price'),
        currency: eb.ref('excluded.currency'),
        weight_grams: eb.ref('excluded.weight_grams'),
        flags: eb.ref('excluded.flags'),
        supplier_code: eb.ref('excluded.supplier_code'),
        tags: eb.ref('excluded.tags'),
        prices: eb.ref('excluded.prices'),
        image_url: eb.ref('excluded.image_url'),
        unit_cost: eb.ref('excluded.unit_cost'),
        unit_cost_currency: eb.ref('excluded.unit_cost_currency'),
      })),
    )
    .execute();
}

/** The catalogue's tags of the given SKUs; a SKU without a product is absent. */
export async function productTags(trx: Tx, storeId: string, skus: string[]): Promise<Map<string, string[]>> {
  if (!skus.length) return new Map();
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'tags'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', skus)
    .execute();
  return new Map(rows.map((r) => [r.sku, r.tags]));
}

/** Creates or updates suppliers by code; terms given become the supplier's next terms version. */
export async function upsertSuppliers(
  trx: Tx,
  storeId: string,
  suppliers: SupplierInput[],
  by = 'system',
): Promise<void> {
  if (!suppliers.length) return;
  const rows = await trx
    .insertInto('suppliers')
    .values(
      suppliers.map(({ terms: _terms, ...s }) => ({
        store_id: storeId,
        id: randomUUID(),
        ...s,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['store_id', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        country: eb.ref('excluded.country'),
        email: eb.ref('excluded.email'),
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  for (const s of suppliers)
    if (s.terms) await saveSupplierTerms(trx, storeId, ids.get(s.code) as string, s.terms, by);
}

export async function listProducts(
  trx: Tx,
  storeId: string,
  filter: { group?: string; sku?: string },
  limit: number,
) {
  let q = trx
    .selectFrom('products')
    .select([
      'sku',
      'product_group',
      'title',
      'variant',
      'category',
      'price',
      'currency',
      'weight_grams',
      'flags',
      'supplier_code',
      'tags',
      'prices',
      'image_url',
    ])
    .where('store_id', '=', storeId);
  if (filter.group) q = q.where('product_group', '=', filter.group);
  if (filter.sku) q = q.where('sku', '=', filter.sku);
  return q.orderBy('sku').limit(limit).execute();
}

export async function listSuppliers(trx: Tx, storeId: string) {
  const rows = await trx
    .selectFrom('suppliers')
    .select(['id', 'code', 'name', 'country', 'email', 'return_terms', 'terms_version'])
    .where('store_id', '=', storeId)
    .orderBy('code')
    .execute();
  return rows.map(({ return_terms, ...r }) => ({ ...r, terms: r.terms_version > 0 ? return_terms : null }));
}

/** The variants (same product_group, the ordered SKU included) of an ordered SKU, whatever their
 * catalogue currency: the caller prices them in the order's currency. */
export async function variantsOf(trx: Tx, storeId: string, sku: string) {
  return trx
    .selectFrom('products as p')
    .select(['p.sku', 'p.title', 'p.variant', 'p.price', 'p.currency', 'p.prices'])
    .where('p.store_id', '=', storeId)
    .where('p.product_group', '=', (eb) =>
      eb
        .selectFrom('products as q')
        .select('q.product_group')
        .where('q.store_id', '=', storeId)
        .where('q.sku', '=', sku),
    )
    .orderBy('p.sku')
    .execute();
}

/** The catalogue's picture of each SKU that has one. */
export async function productImages(trx: Tx, storeId: string, skus: string[]): Promise<Map<string, string>> {
  if (!skus.length) return new Map();
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'image_url'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', skus)
    .where('image_url', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.image_url ? [[r.sku, r.image_url] as const] : [])));
}

/** Title and variant of catalogue products by SKU (an exchange's replacement names what it sends). */
export async function productsBySku(
  trx: Tx,
  storeId: string,
  skus: string[],
): Promise<Map<string, { title: string; variant: string | null }>> {
  if (skus.length === 0) return new Map();
  const rows = await trx
    .selectFrom('products')
    .select(['sku', 'title', 'variant'])
    .where('store_id', '=', storeId)
    .where('sku', 'in', skus)
    .execute();
  return new Map(rows.map((r) => [r.sku, { title: r.title, variant: r.variant }]));
}
