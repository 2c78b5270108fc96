// A supplier's terms, versioned like the store's policy: each save is a new version kept forever
// (a claim names the version it was made under), and suppliers.return_terms holds the one in force.
import type { Tx } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { readStoredTerms, type SupplierTerms } from '../../domain/suppliers/terms.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SupplierRow {
  id: string;
  code: string;
  name: string;
  country: string | null;
  email: string | null;
  terms_version: number;
  /** null: no terms agreed yet (nothing is claimable) */
  terms: SupplierTerms | null;
}

/**
 * The store's suppliers with what their terms are read with (the store's currency as a fallback);
 * alone or as JSON in another statement (no timestamps, so its rows read back the same).
 */
export const suppliersOf = (trx: Tx, storeId: string) =>
  trx
    .selectFrom('suppliers as s')
    .innerJoin('stores as st', 'st.id', 's.store_id')
    .select([
      's.id',
      's.code',
      's.name',
      's.country',
      's.email',
      's.terms_version',
      's.return_terms',
      'st.currency',
    ])
    .where('s.store_id', '=', storeId);

function withTerms(row: {
  id: string;
  code: string;
  name: string;
  country: string | null;
  email: string | null;
  terms_version: number;
  return_terms: unknown;
  currency: string;
}): SupplierRow {
  const { return_terms, currency, ...rest } = row;
  return { ...rest, terms: row.terms_version > 0 ? readStoredTerms(return_terms, currency) : null };
}

/** A supplier by its id or its code (`SUP-1`); `lock` takes its row lock for a terms change. */
export async function getSupplier(
  trx: Tx,
  storeId: string,
  key: string,
  opts: { lock?: boolean } = {},
): Promise<SupplierRow> {
  let q = suppliersOf(trx, storeId).where(UUID.test(key) ? 's.id' : 's.code', '=', key);
  if (opts.lock) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Supplier');
  return withTerms(row);
}

/** Every supplier of the store with its terms in force, by code. */
export async function suppliersByCode(trx: Tx, storeId: string): Promise<Map<string, SupplierRow>> {
  return suppliersByCodeFrom(await suppliersOf(trx, storeId).execute());
}

/** suppliersOf's rows with their terms in force, by code. */
export function suppliersByCodeFrom(rows: Parameters<typeof withTerms>[0][]): Map<string, SupplierRow> {
  return new Map(rows.map((r) => [r.code, withTerms(r)]));
}

/** Saves `terms` as the supplier's next version; the same terms as the version in force save nothing. */
export async function saveSupplierTerms(
  trx: Tx,
  storeId: string,
  supplierId: string,
  terms: SupplierTerms,
  by: string,
  expectedVersion?: number,
): Promise<{ version: number; changed: boolean }> {
  const current = await getSupplier(trx, storeId, supplierId, { lock: true });
  if (expectedVersion !== undefined && expectedVersion !== current.terms_version)
    throw new AppError(
      'conflict',
      `The terms changed meanwhile: version ${current.terms_version} is in force`,
      {
        current_version: current.terms_version,
      },
    );
  if (current.terms && JSON.stringify(current.terms) === JSON.stringify(terms))
    return { version: current.terms_version, changed: false };
  const version = current.terms_version + 1;
  const document = JSON.stringify(terms);
  await trx
    .insertInto('supplier_terms')
    .values({ store_id: storeId, supplier_id: supplierId, version, document, created_by: by })
    .execute();
  await trx
    .updateTable('suppliers')
    .set({ return_terms: document, terms_version: version })
    .where('store_id', '=', storeId)
    .where('id', '=', supplierId)
    .execute();
  return { version, changed: true };
}

export async function supplierTermsHistory(trx: Tx, storeId: string, supplierId: string) {
  return trx
    .selectFrom('supplier_terms')
    .select(['version', 'document as terms', 'created_by', 'created_at'])
    .where('store_id', '=', storeId)
    .where('supplier_id', '=', supplierId)
    .orderBy('version', 'desc')
    .execute();
}
