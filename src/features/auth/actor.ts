import { AppError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';

/** Who is acting, for which store: resolved from the bearer token (or session) by the HTTP layer. */
export interface Actor {
  storeId: string;
  /** a customer acts only through the portal, on their own order */
  role: Role | 'customer';
  /** Written into audit events, e.g. "token:ci" or "customer:anna@example.de". */
  label: string;
  /** the signed-in staff user (a session); API tokens act for no one in particular */
  userId?: string;
}

/** The staff user an actor stands for, where a request says "me" (`path` names the field). */
export function userOf(actor: Actor, path: string): string {
  if (actor.userId) return actor.userId;
  throw new AppError('invalid_request', '"me" needs a signed-in staff user: an API token has none', {
    errors: [{ path, message: 'name the user by id instead' }],
  });
}
