// A customer stops news by email (tracking, delays, surveys) with the signed link every such
// message carries. Direct answers to what they asked for still go.
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { unverifiedStoreId, verifyPortalToken } from '../portal/portal-token.ts';

export async function unsubscribe(database: Database, token: string): Promise<void> {
  const storeId = unverifiedStoreId(token);
  const store = storeId
    ? await database.db
        .selectFrom('stores')
        .select(['id', 'portal_secret'])
        .where('id', '=', storeId)
        .executeTakeFirst()
    : undefined;
  if (!store) throw new AppError('unauthorized', 'This link is not valid');
  const claims = await verifyPortalToken(token, store.portal_secret);
  await database.db
    .updateTable('customers')
    .set({ unsubscribed_at: new Date() })
    .where('store_id', '=', store.id)
    .where('email', '=', claims.email)
    .where('unsubscribed_at', 'is', null)
    .execute();
}
