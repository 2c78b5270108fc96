import { can } from '@domain/roles.ts';
import { IconCashBanknote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useManualRefunds } from '../../api/refunds.ts';
import { useQueueCounts } from '../../api/returns.ts';
import { useSession } from '../../api/session.ts';
import { NavItem } from '../ui/NavItem.tsx';
import { QUEUE_KEYS, QUEUES } from './queues.ts';

/** Refunds to pay by hand matter to whoever pays them out; the others would only see a number. */
function ManualRefundsLink() {
  const { t } = useTranslation();
  const refunds = useManualRefunds();
  return (
    <NavItem
      to="/console/refunds"
      label={t('manualRefunds.title')}
      icon={IconCashBanknote}
      count={refunds.data?.data.length}
      urgent
    />
  );
}

export function QueueNav() {
  const { t } = useTranslation();
  // One request for every badge; the lists themselves load when a queue opens.
  const counts = useQueueCounts();
  const role = useSession().data?.user.role;
  return (
    <>
      {QUEUE_KEYS.map((key) => {
        const q = QUEUES[key];
        return (
          <NavItem
            key={key}
            to={`/console/queues/${key}`}
            label={t(`queues.${key}.title`)}
            icon={q.icon}
            count={counts.data?.[q.count]}
            urgent={key === 'overdue'}
          />
        );
      })}
      {role && can(role, 'returns.resolve') && <ManualRefundsLink />}
    </>
  );
}
