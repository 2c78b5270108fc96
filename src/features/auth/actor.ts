import type { Role } from '../../domain/roles.ts';

/** Who is acting, for which store: resolved from the bearer token (or session) by the HTTP layer. */
export interface Actor {
  storeId: string;
  /** a customer acts only through the portal, on their own order */
  role: Role | 'customer';
  /** Written into audit events, e.g. "token:ci" or "customer:anna@example.de". */
  label: string;
}
