// What the customer wrote (in the portal, by mail) and what the store sent them, in order: a
// mail's subject, channel and delivery state, the customer's language and what they ask for, the
// files they attached. Owners and agents answer from here (a suggested reply in the customer's
// language to start from), and opening the case reads what the customer wrote. The team's internal
// notes stay in NotesCard beside it. Serves cases and returns alike.
import { can } from '@domain/roles.ts';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { attachmentsOf, type MailMessage, useMailMessages, useMarkRead } from '../messages/api.ts';
import { IntentTag, LanguageTag, MailStatusBadge } from '../messages/MessageTags.tsx';
import { ReplyBox } from './ReplyBox.tsx';

export function ConversationCard({ caseId, replyable = true }: { caseId: string; replyable?: boolean }) {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  const mayAnswer = role !== undefined && can(role, 'messages.send');
  const query = useMailMessages(caseId);
  const messages = (query.data?.data ?? []).filter((m) => m.direction !== 'internal');
  const unread = messages.some((m) => m.direction === 'in' && !m.read_at);
  const markRead = useMarkRead(caseId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per unread state of this case
  useEffect(() => {
    if (mayAnswer && unread && !markRead.isPending) markRead.mutate();
  }, [mayAnswer, unread, caseId]);

  const showReply = mayAnswer && replyable;
  if (messages.length === 0 && !showReply) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="conversation-title" data-testid="conversation">
      <Title order={2} size="h4" id="conversation-title" mb="sm">
        {t('cases.conversation')}
      </Title>
      <Stack gap="xs">
        {query.isSuccess && messages.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('messages.conversation.empty')}
          </Text>
        )}
        {messages.map((m) => (
          <MessageBubble key={m.id} caseId={caseId} m={m} />
        ))}
      </Stack>
      {showReply && <ReplyBox caseId={caseId} />}
    </Paper>
  );
}

function MessageBubble({ caseId, m }: { caseId: string; m: MailMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const files = attachmentsOf(m);
  const mail = m.channel === 'email';
  return (
    <Paper
      p="xs"
      bg={m.direction === 'in' ? 'gray.1' : 'blue.0'}
      data-direction={m.direction}
      data-channel={m.channel}
      data-message={m.id}
    >
      <Group justify="space-between" gap={6} wrap="wrap">
        <Text size="xs" fw={600}>
          {t(m.direction === 'in' ? 'cases.fromCustomer' : 'cases.toCustomer')} ·{' '}
          <time dateTime={m.at}>{format.dateTime(m.at)}</time>
        </Text>
        <Group gap={4} wrap="wrap">
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {t(`messages.channel.${mail ? 'email' : m.channel === 'portal' ? 'portal' : 'other'}`, {
              channel: m.channel,
            })}
          </Badge>
          {m.direction === 'out' && m.status && <MailStatusBadge status={m.status} size="xs" />}
        </Group>
      </Group>
      {m.subject && (
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {m.subject}
        </Text>
      )}
      {m.direction === 'in' && (m.language || m.intent) && (
        <Group gap={4} my={4}>
          {m.language && <LanguageTag language={m.language} />}
          {m.intent && <IntentTag intent={m.intent} />}
        </Group>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {m.body}
      </Text>
      {files.length > 0 && (
        <Stack gap={2} mt={4}>
          {files.map((f) =>
            'evidence_id' in f ? (
              <Anchor
                key={f.evidence_id}
                href={`/api/v1/cases/${caseId}/evidence/${f.evidence_id}`}
                target="_blank"
                rel="noreferrer"
                size="xs"
              >
                <IconPaperclip size={12} aria-hidden /> {f.filename}
              </Anchor>
            ) : (
              <Text key={f.filename} size="xs" c="dimmed">
                <IconPaperclip size={12} aria-hidden />{' '}
                {t('messages.conversation.refused', { name: f.filename, reason: f.refused })}
              </Text>
            ),
          )}
        </Stack>
      )}
      {m.status === 'held' && m.send_after && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('messages.row.heldUntil', { date: format.dateTime(m.send_after) })}
        </Text>
      )}
      {m.last_error && m.status !== 'sent' && (
        <Text size="xs" c="red.9" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {t('messages.row.error', { error: m.last_error })}
        </Text>
      )}
    </Paper>
  );
}
