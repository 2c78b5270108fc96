import type { RefundState } from '@domain/returns/refund-progress.ts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnStatus } from '../api/types.ts';

type Shown = ReturnStatus | 'paying' | 'delayed';

// Dark shades with white text, and yellow with dark text (autoContrast): small type needs 4.5:1.
const COLORS: Record<Shown, string> = {
  requested: 'yellow.9',
  approved: 'teal.9',
  in_transit: 'blue.8',
  received: 'blue.8',
  inspected: 'blue.8',
  completed: 'teal.9',
  rejected: 'red.9',
  canceled: 'gray.7',
  paying: 'blue.8',
  delayed: 'orange.9',
};

/** A completed return is only "completed" to the customer once its refund has left. */
export function shownStatus(status: ReturnStatus, money?: RefundState): Shown {
  if (status !== 'completed') return status;
  return money === 'being_paid' ? 'paying' : money === 'delayed' ? 'delayed' : status;
}

export function StatusBadge({
  status,
  money,
  size = 'md',
}: {
  status: ReturnStatus;
  money?: RefundState;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation('portal');
  const shown = shownStatus(status, money);
  return (
    <Badge
      color={COLORS[shown]}
      size={size}
      variant="filled"
      autoContrast
      data-testid="return-status"
      data-status={status}
      data-shown={shown}
    >
      {t(`returnStatus.${shown}`)}
    </Badge>
  );
}
