import type { ReturnStatus } from '@domain/returns/lifecycle.ts';
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Colour follows who holds the ball: yellow waits for us, blue for the customer or carrier,
// grape for the warehouse, teal is done, gray ended without money.
const COLORS: Record<ReturnStatus, string> = {
  requested: 'yellow',
  approved: 'blue',
  in_transit: 'indigo',
  received: 'grape',
  inspected: 'violet',
  completed: 'teal',
  rejected: 'red',
  canceled: 'gray',
};

export function StatusBadge({ status, ...props }: { status: ReturnStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status} {...props}>
      {t(`status.${status}`)}
    </Badge>
  );
}
