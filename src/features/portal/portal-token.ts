// The customer's key to the portal: a signed token naming one order, handed out after the lookup
// and carried in the link the customer can reopen. Signed with the store's own portal secret, so a
// token of one store never opens another's orders.
import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../domain/errors.ts';

export const PORTAL_TOKEN_HOURS = 72;

export interface PortalClaims {
  store_id: string;
  order_id: string;
  email: string;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signPortalToken(
  claims: PortalClaims,
  secret: string,
  now = new Date(),
): Promise<{ token: string; expires_at: string }> {
  const exp = Math.floor(now.getTime() / 1000) + PORTAL_TOKEN_HOURS * 3600;
  const token = await new SignJWT({ store_id: claims.store_id, email: claims.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.order_id)
    .setIssuer('aftersale-portal')
    .setIssuedAt(Math.floor(now.getTime() / 1000))
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
    });
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.store_id !== 'string' ||
      typeof payload.email !== 'string'
    )
      throw new Error('incomplete');
    return { store_id: payload.store_id, order_id: payload.sub, email: payload.email };
  } catch {
    throw new AppError('unauthorized', 'This link has expired or is not valid: look your order up again');
  }
}
