import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

/** The console's pages need a signed-in staff member; anyone else goes to the sign-in page and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (session.isError) return <ProblemAlert error={session.error} m="xl" />;
  if (!session.data)
    return <Navigate to="/console/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
