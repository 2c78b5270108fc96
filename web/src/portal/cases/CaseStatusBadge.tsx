import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../api/types.ts';

// Dark shades with white text, yellow with dark text (autoContrast): small type needs 4.5:1.
const COLORS: Record<CaseStatus, string> = {
  open: 'blue.8',
  waiting_customer: 'yellow.9',
  waiting_carrier: 'blue.8',
  submitted: 'blue.8',
  resolved: 'teal.9',
  closed: 'gray.7',
  won: 'teal.9',
  lost: 'gray.7',
};

export function CaseStatusBadge({ status, size = 'md' }: { status: CaseStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('portal');
  return (
    <Badge
      color={COLORS[status]}
      size={size}
      variant="filled"
      autoContrast
      data-testid="case-status"
      data-status={status}
    >
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
