import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { usePortalScope } from './scope.tsx';
import { portalPath } from './token.ts';

/** Without a session, to the lookup; it comes back here once the order is found. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { store, session } = usePortalScope();
  const location = useLocation();
  if (!session) return <Navigate to={portalPath(store)} replace state={{ from: location.pathname }} />;
  return children;
}
