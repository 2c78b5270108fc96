import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavItem } from '../ui/NavItem.tsx';
import { useUnread } from './api.ts';

/** The inbox in the navigation, with how many customer messages nobody has read yet. */
export function InboxNav() {
  const { t } = useTranslation();
  const unread = useUnread().data?.total_messages;
  return (
    <span data-testid="inbox-nav">
      <NavItem
        to="/console/inbox"
        label={t('nav.inbox')}
        icon={IconInbox}
        count={unread || undefined}
        urgent
      />
    </span>
  );
}
