import { Navigate } from 'react-router';
import { useSession } from '../../api/session.ts';
import { HOME_QUEUE } from './queues.ts';

/** /console opens on the queue the signed-in role works first. */
export function HomeQueue() {
  const role = useSession().data?.user.role ?? 'read_only';
  return <Navigate to={`/console/queues/${HOME_QUEUE[role]}`} replace />;
}
