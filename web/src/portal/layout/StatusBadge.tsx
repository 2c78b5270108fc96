import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnStatus } from '../api/types.ts';

// Dark shades with white text, and yellow with dark text (autoContrast): small type needs 4.5:1.
const COLORS: Record<ReturnStatus, string> = {
  requested: 'yellow.9',
  approved: 'teal.9',
  in_transit: 'blue.8',
  received: 'blue.8',
  inspected: 'blue.8',
  completed: 'teal.9',
  rejected: 'red.9',
  canceled: 'gray.7',
};

export function StatusBadge({ status, size = 'md' }: { status: ReturnStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('portal');
  return (
    <Badge
      color={COLORS[status]}
      size={size}
      variant="filled"
      autoContrast
      data-testid="return-status"
      data-status={status}
    >
      {t(`returnStatus.${status}`)}
    </Badge>
  );
}
