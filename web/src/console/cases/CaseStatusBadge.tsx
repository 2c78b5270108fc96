import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../api/cases.ts';

// As for returns: yellow waits for us, blue for the customer or carrier, teal done, gray ended.
const COLORS: Record<CaseStatus, string> = {
  open: 'yellow',
  waiting_customer: 'blue',
  waiting_carrier: 'indigo',
  submitted: 'grape',
  resolved: 'teal',
  closed: 'gray',
  won: 'teal',
  lost: 'red',
};

export function CaseStatusBadge({ status, ...props }: { status: CaseStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status} {...props}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
