// The navigation's "Cases" group: one queue per kind with its open count (red when some are past
// their SLA), and the disputes by evidence due date.
import {
  IconAlertTriangle,
  IconCalendarDue,
  IconGavel,
  IconHome,
  IconMessageQuestion,
  IconPackageOff,
  IconTruckDelivery,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type CaseKind, useCaseCounts } from '../../api/cases.ts';
import { NavItem } from '../ui/NavItem.tsx';

export const KIND_ICONS: Record<CaseKind, typeof IconX> = {
  cancellation: IconX,
  address_change: IconHome,
  lost_parcel: IconPackageOff,
  delivery_delay: IconTruckDelivery,
  item_problem: IconAlertTriangle,
  dispute: IconGavel,
  inquiry: IconMessageQuestion,
};

const NAV_KINDS: CaseKind[] = [
  'cancellation',
  'address_change',
  'lost_parcel',
  'delivery_delay',
  'item_problem',
  'inquiry',
];

export function CasesNav() {
  const { t } = useTranslation();
  const counts = useCaseCounts().data?.by_kind;
  return (
    <>
      {NAV_KINDS.map((kind) => {
        const c = counts?.[kind];
        return (
          <NavItem
            key={kind}
            to={`/console/cases/queue/${kind}`}
            label={t(`cases.kind.${kind}`)}
            icon={KIND_ICONS[kind]}
            count={c ? (c.overdue > 0 ? c.overdue : c.open) : undefined}
            urgent={(c?.overdue ?? 0) > 0}
          />
        );
      })}
      <NavItem
        to="/console/cases/queue/dispute"
        label={t('cases.disputeQueue')}
        icon={IconCalendarDue}
        count={counts?.dispute?.open}
        urgent={(counts?.dispute?.overdue ?? 0) > 0}
      />
    </>
  );
}
