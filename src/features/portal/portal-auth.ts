// Portal requests carry the signed token from the lookup in `x-portal-token`. A route names what it
// needs: `full` (request, upload, withdraw) or `status` (follow the order and its returns), which the
// long-lived status link also opens.
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { portalSecret } from '../stores/stores.queries.ts';
import { portalGeneration } from './portal.queries.ts';
import { type PortalScope, unverifiedStoreId, verifyPortalToken } from './portal-token.ts';

export interface PortalIdentity {
  actor: Actor;
  orderId: string;
  email: string;
  scope: PortalScope;
}

export async function portalIdentity(
  trx: Tx,
  request: FastifyRequest,
  needs: PortalScope = 'full',
): Promise<PortalIdentity> {
  const raw = request.headers['x-portal-token'];
  const token = Array.isArray(raw) ? raw[0] : raw;
  if (!token)
    throw new AppError('unauthorized', 'Look your order up first: this page needs the link we gave you');
  const claimed = unverifiedStoreId(token);
  // Unverified until the signature is checked: only a well-formed id may reach the store lookup.
  const storeId =
    claimed && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(claimed)
      ? claimed
      : undefined;
  const secret = storeId ? await portalSecret(trx, storeId) : undefined;
  if (!storeId || !secret)
    throw new AppError('unauthorized', 'This link is not valid: look your order up again');
  const claims = await verifyPortalToken(token, secret);
  if ((await portalGeneration(trx, claims.store_id, claims.order_id)) !== claims.generation)
    throw new AppError('unauthorized', 'This link was replaced by a newer one: look your order up again');
  if (needs === 'full' && claims.scope !== 'full')
    throw new AppError(
      'forbidden',
      'This link shows the status only: look your order up again to request a return or add photos',
    );
  return {
    actor: { storeId: claims.store_id, role: 'customer', label: `customer:${claims.email}` },
    orderId: claims.order_id,
    email: claims.email,
    scope: claims.scope,
  };
}
