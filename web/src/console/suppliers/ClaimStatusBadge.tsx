import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClaimStatus } from './api.ts';

// As elsewhere in the console: yellow waits for us, blue for the supplier, teal done, red refused.
const COLORS: Record<ClaimStatus, string> = {
  draft: 'yellow',
  sent: 'blue',
  acknowledged: 'indigo',
  accepted: 'grape',
  partly_accepted: 'violet',
  rejected: 'red',
  credited: 'teal',
};

export function ClaimStatusBadge({ status, ...props }: { status: ClaimStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status} {...props}>
      {t(`suppliers.claimStatus.${status}`)}
    </Badge>
  );
}
