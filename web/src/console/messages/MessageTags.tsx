// The small marks a message carries in the inbox, the outbox and a case's conversation: its
// delivery state, the customer's language, what they ask for, the case's priority.
import { Badge, type BadgeProps, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { INTENTS, type MessageStatus } from './api.ts';

const STATUS_COLORS: Record<MessageStatus, string> = {
  queued: 'blue',
  held: 'yellow',
  sent: 'teal',
  failed: 'red',
};

export function MailStatusBadge({ status, ...props }: { status: MessageStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-mail-status={status} {...props}>
      {t(`messages.status.${status}`)}
    </Badge>
  );
}

/** The language code as a tag ("zh-Hans", "pt-BR"), its name in the console's language beside it. */
export function LanguageTag({ language }: { language: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = format.language(language);
  return (
    <Badge variant="outline" color="gray" size="sm" tt="none" data-language={language} title={name}>
      <VisuallyHidden>{t('messages.languageTag')} </VisuallyHidden>
      {language}
    </Badge>
  );
}

export function IntentTag({ intent }: { intent: string }) {
  const { t } = useTranslation();
  const known = (INTENTS as readonly string[]).includes(intent);
  return (
    <Badge variant="light" color="violet" size="sm" tt="none" data-intent={intent}>
      {known ? t(`messages.intent.${intent}`) : intent}
    </Badge>
  );
}

const PRIORITY_COLORS: Record<string, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'gray',
  low: 'gray',
};

export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  const known = priority in PRIORITY_COLORS;
  return (
    <Badge
      variant={priority === 'urgent' ? 'filled' : 'light'}
      color={PRIORITY_COLORS[priority] ?? 'gray'}
      size="sm"
      data-priority={priority}
    >
      {known ? t(`messages.priority.${priority}`) : priority}
    </Badge>
  );
}
