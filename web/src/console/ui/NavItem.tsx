import { Badge, NavLink } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { NavLink as RouterLink } from 'react-router';

/** A link of the console's navigation, with an optional count (red when it is work overdue). */
export function NavItem({
  to,
  label,
  icon: I,
  count,
  urgent = false,
}: {
  to: string;
  label: string;
  icon: Icon;
  count?: number | null | undefined;
  urgent?: boolean;
}) {
  const hot = urgent && (count ?? 0) > 0;
  return (
    <RouterLink to={to} style={{ textDecoration: 'none', color: 'inherit' }}>
      {({ isActive }) => (
        <NavLink
          component="span"
          active={isActive}
          label={label}
          leftSection={<I size={18} aria-hidden />}
          rightSection={
            count !== undefined &&
            count !== null && (
              <Badge size="sm" variant={hot ? 'filled' : 'light'} color={hot ? 'red' : 'gray'} circle={false}>
                {count}
              </Badge>
            )
          }
        />
      )}
    </RouterLink>
  );
}
