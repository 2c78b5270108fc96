import type { Tx } from '../../db/schema.ts';
import type { Address } from '../../domain/order.ts';

export interface Store {
  id: string;
  slug: string;
  name: string;
  currency: string;
  time_zone: string;
  languages: string[];
  return_address: Address;
}

export const STORE_COLUMNS = [
  'id',
  'slug',
  'name',
  'currency',
  'time_zone',
  'languages',
  'return_address',
] as const;

const storeQuery = (trx: Tx) => trx.selectFrom('stores').select(STORE_COLUMNS);
const asStore = <R extends { return_address: unknown }>(row: R | undefined) =>
  row && { ...row, return_address: row.return_address as Address };

export async function getStore(trx: Tx, storeId: string): Promise<Store | undefined> {
  return asStore(await storeQuery(trx).where('id', '=', storeId).executeTakeFirst());
}

export async function findStoreBySlug(trx: Tx, slug: string): Promise<Store | undefined> {
  return asStore(await storeQuery(trx).where('slug', '=', slug).executeTakeFirst());
}

/** The store created first: the one a single-store install (and the demo) runs. */
export async function firstStore(trx: Tx): Promise<Store | undefined> {
  return asStore(await storeQuery(trx).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst());
}

export async function insertStore(trx: Tx, store: Store, portalSecret: string): Promise<void> {
  await trx
    .insertInto('stores')
    .values({ ...store, return_address: JSON.stringify(store.return_address), portal_secret: portalSecret })
    .execute();
}

/** The key that signs this store's customer portal links. */
export async function portalSecret(trx: Tx, storeId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('stores')
    .select('portal_secret')
    .where('id', '=', storeId)
    .executeTakeFirst();
  return row?.portal_secret;
}

export interface Branding {
  logo_url: string | null;
  brand_color: string | null;
}

export async function storeBranding(trx: Tx, storeId: string): Promise<Branding> {
  const row = await trx
    .selectFrom('stores')
    .select(['logo_url', 'brand_color'])
    .where('id', '=', storeId)
    .executeTakeFirst();
  return { logo_url: row?.logo_url ?? null, brand_color: row?.brand_color ?? null };
}

export async function setStoreBranding(trx: Tx, storeId: string, branding: Branding): Promise<void> {
  await trx.updateTable('stores').set(branding).where('id', '=', storeId).execute();
}
