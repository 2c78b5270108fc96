// The customer's keys to the portal, signed with the store's own portal secret (a token of one store
// never opens another's orders) and naming one order:
// - the full link from a lookup (72 hours): see the order, request a return, add photos, withdraw;
// - the status link from the same lookup (60 days): only follow the order and its returns, for as
//   long as a refund can take. It cannot request, upload or withdraw: that needs a fresh lookup.
// Both carry the order's portal generation; a newer lookup, or the store, moves it on and so revokes
// every older link. Both must carry `exp`.
import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../domain/errors.ts';

export const PORTAL_TOKEN_HOURS = 72;
export const STATUS_TOKEN_DAYS = 60;
export type PortalScope = 'full' | 'status';

export interface PortalClaims {
  store_id: string;
  order_id: string;
  email: string;
  /** the order's portal generation when the link was signed */
  generation: number;
  scope: PortalScope;
}

const key = (secret: string) => new TextEncoder().encode(secret);
const lifetimeSeconds = (scope: PortalScope) =>
  scope === 'full' ? PORTAL_TOKEN_HOURS * 3600 : STATUS_TOKEN_DAYS * 86_400;

export async function signPortalToken(
  claims: PortalClaims,
  secret: string,
  now = new Date(),
): Promise<{ token: string; expires_at: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + lifetimeSeconds(claims.scope);
  const token = await new SignJWT({
    store_id: claims.store_id,
    email: claims.email,
    gen: claims.generation,
    scope: claims.scope,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.order_id)
    .setIssuer('aftersale-portal')
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret));
  return { token, expires_at: new Date(exp * 1000).toISOString() };
}

/** The store a token claims to belong to, read before its signature can be checked with that store's key. */
export function unverifiedStoreId(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      store_id?: unknown;
    };
    return typeof payload.store_id === 'string' ? payload.store_id : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyPortalToken(token: string, secret: string): Promise<PortalClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: 'aftersale-portal',
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.store_id !== 'string' ||
      typeof payload.email !== 'string'
    )
      throw new Error('incomplete');
    // Links signed before generations and scopes existed are full 72-hour links of generation 0.
    const generation = payload.gen === undefined ? 0 : payload.gen;
    if (typeof generation !== 'number' || !Number.isInteger(generation)) throw new Error('generation');
    const scope: PortalScope = payload.scope === 'status' ? 'status' : 'full';
    if (payload.scope !== undefined && payload.scope !== 'status' && payload.scope !== 'full')
      throw new Error('scope');
    return { store_id: payload.store_id, order_id: payload.sub, email: payload.email, generation, scope };
  } catch {
    throw new AppError('unauthorized', 'This link has expired or is not valid: look your order up again');
  }
}
