// The customer's portal session: the signed token from the lookup, kept per store in this tab's
// sessionStorage (gone when the tab closes) and carried in the fragment of a "come back later" link.
// A fragment never reaches a server or its logs, and is removed from the address bar once read.

export interface PortalSession {
  token: string;
  expiresAt: string;
  storeName: string | null;
  /** the lookup's long-lived link that only follows the order (the server refuses it for changes) */
  statusToken?: string;
  statusExpiresAt?: string;
}

/** What a "come back later" link carries: the status link where there is one, so it outlives the 72 hours. */
export function linkOf(session: PortalSession): { token: string; expiresAt: string } {
  return session.statusToken && session.statusExpiresAt
    ? { token: session.statusToken, expiresAt: session.statusExpiresAt }
    : { token: session.token, expiresAt: session.expiresAt };
}

const storageKey = (store: string) => `aftersale.portal.${store}`;

/** The token's own expiry (`exp`), read without checking the signature: the server checks that. */
export function tokenExpiry(token: string): string | null {
  try {
    const part = token.split('.')[1] ?? '';
    const payload = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : null;
  } catch {
    return null;
  }
}

const isLive = (s: PortalSession, now = Date.now()) => new Date(s.expiresAt).getTime() > now;

export function readSession(store: string): PortalSession | null {
  try {
    const raw = sessionStorage.getItem(storageKey(store));
    const s = raw ? (JSON.parse(raw) as PortalSession) : null;
    return s && typeof s.token === 'string' && isLive(s) ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(store: string, session: PortalSession): void {
  try {
    sessionStorage.setItem(storageKey(store), JSON.stringify(session));
  } catch {
    // Private modes may refuse storage: the session then lives as long as the page.
  }
}

export function clearSession(store: string): void {
  try {
    sessionStorage.removeItem(storageKey(store));
  } catch {
    // nothing stored, nothing to clear
  }
}

/** `#t=<token>` in the current address, if it is one of ours. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('t');
  return token && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token) ? token : null;
}

/** A link that reopens `path` (under the store's portal) with this session, e.g. from an email or a bookmark. */
export function comeBackLink(store: string, token: string, path = ''): string {
  return `${window.location.origin}${portalPath(store, path)}#t=${token}`;
}

export function portalPath(store: string, path = ''): string {
  return `/returns/${encodeURIComponent(store)}/${path}`;
}
