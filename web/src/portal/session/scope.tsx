// One store's portal in one browser tab: which store, the customer's session if there is one, and
// the way in from a "come back later" link (#t=<token>). A token the server no longer accepts (expired,
// or the store's key changed) ends the session and sends the customer to the lookup, saying why.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/transport.ts';
import {
  clearSession,
  type PortalSession,
  portalPath,
  readSession,
  saveSession,
  tokenExpiry,
  tokenFromFragment,
} from './token.ts';

export type EndReason = 'expired' | 'signed_out';

interface Scope {
  store: string;
  session: PortalSession | null;
  /** why the last session ended, for the lookup page to say */
  ended: EndReason | null;
  begin(session: PortalSession): void;
  end(reason: EndReason): void;
}

const ScopeContext = createContext<Scope | null>(null);

/** Adopts a token from the address's fragment (a reopened link), else the tab's stored session. */
function initialSession(
  store: string,
  hash: string,
): { session: PortalSession | null; ended: EndReason | null } {
  const token = tokenFromFragment(hash);
  if (!token) return { session: readSession(store), ended: null };
  const expiresAt = tokenExpiry(token);
  if (!expiresAt || new Date(expiresAt).getTime() <= Date.now()) {
    clearSession(store);
    return { session: null, ended: 'expired' };
  }
  const session = { token, expiresAt, storeName: readSession(store)?.storeName ?? null };
  saveSession(store, session);
  return { session, ended: null };
}

export function PortalScopeProvider({ store, children }: { store: string; children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [state, setState] = useState(() => initialSession(store, location.hash));

  // The token has been read: take it out of the address bar, so a screenshot or a shared screen
  // does not show it. The link on the page still offers it to the customer on purpose. A page below
  // may already have moved on (the store's address forwards to the order): read the address as it
  // is now, not as it was when this render began.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the fragment changes
  useEffect(() => {
    const now = window.location;
    if (!tokenFromFragment(now.hash)) return;
    setState(initialSession(store, now.hash));
    navigate({ pathname: now.pathname, search: now.search }, { replace: true, state: location.state });
  }, [location.hash]);

  const begin = useCallback(
    (session: PortalSession) => {
      saveSession(store, session);
      setState({ session, ended: null });
    },
    [store],
  );
  const end = useCallback(
    (reason: EndReason) => {
      clearSession(store);
      queries.removeQueries({ queryKey: ['portal', 'private'] });
      setState({ session: null, ended: reason });
      navigate(portalPath(store), { replace: true });
    },
    [store, queries, navigate],
  );

  // Any call refused with 401 means the token is spent: end the session once, wherever it happened.
  useEffect(() => {
    const expired = (error: unknown) => error instanceof ApiError && error.problem.status === 401;
    const offQueries = queries.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && expired(event.action.error))
        end('expired');
    });
    const offMutations = queries.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && expired(event.action.error))
        end('expired');
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queries, end]);

  const value = useMemo(
    () => ({ store, session: state.session, ended: state.ended, begin, end }),
    [store, state, begin, end],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function usePortalScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('usePortalScope outside <PortalScopeProvider>');
  return scope;
}

/** For pages that need the order: the session is there (RequireSession made sure). */
export function useSession(): PortalSession {
  const { session } = usePortalScope();
  if (!session) throw new Error('useSession outside <RequireSession>');
  return session;
}
