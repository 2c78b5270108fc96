// The store takes back every portal link handed out for an order (say the customer forwarded one by
// mistake): the order's portal generation moves on, and the customer looks the order up again.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { insertSecurityEvent } from '../auth/guess.queries.ts';
import { nextPortalGeneration } from './portal.queries.ts';

export async function revokePortalLinks(trx: Tx, actor: Actor, orderId: string): Promise<void> {
  const generation = await nextPortalGeneration(trx, actor.storeId, orderId);
  if (generation === undefined) throw new AppError('not_found', 'Order not found');
  await insertSecurityEvent(trx, {
    store_id: actor.storeId,
    type: 'portal_links_revoked',
    subject: `order:${orderId}`,
    data: JSON.stringify({ by: actor.label }),
  });
}
