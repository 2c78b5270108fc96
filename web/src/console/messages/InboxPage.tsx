// The inbox and the outbox across cases. Inbox: what customers wrote, newest first, unread ones
// marked. Outbox: every mail the store sent or keeps (the mail catcher), with its delivery state.
// One card per message, so a phone reads the same list as a desk.
import {
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInbox, IconMail, IconSearch, IconTemplate } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { caseLink, MESSAGE_STATUSES, type MessageRow, useMessageList, useUnread } from './api.ts';
import { IntentTag, LanguageTag, MailStatusBadge, PriorityTag } from './MessageTags.tsx';

type Direction = 'in' | 'out';

export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: Direction = params.get('box') === 'out' ? 'out' : 'in';
  const status = params.get('status') ?? '';
  const unreadOnly = params.get('unread') === 'true';
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(typed.trim(), 300);
  const unread = useUnread().data;
  usePageTitle(t(box === 'in' ? 'messages.inbox.tabIn' : 'messages.inbox.tabOut'));

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
        return next;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the debounced text only
  useEffect(() => set({ q: q || null }), [q]);

  const filter: Record<string, string> = { direction: box };
  if (q) filter.q = q;
  if (box === 'out' && status) filter.status = status;
  if (box === 'in' && unreadOnly) filter.unread = 'true';
  const list = useMessageList(filter);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack maw={1200} mx="auto" data-testid="inbox-page">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={42} radius="md" aria-hidden>
            <IconInbox size={24} />
          </ThemeIcon>
          <div>
            <Title order={1} size="h2">
              {t('messages.inbox.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('messages.inbox.description')}
            </Text>
          </div>
        </Group>
        <Button
          component={Link}
          to="/console/messages/templates"
          variant="subtle"
          leftSection={<IconTemplate size={16} aria-hidden />}
        >
          {t('messages.inbox.templates')}
        </Button>
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={box}
          onChange={(v) => set({ box: v === 'out' ? 'out' : null, status: null, unread: null })}
          data={[
            {
              value: 'in',
              label: unread?.total_messages
                ? t('messages.inbox.tabInUnread', { n: unread.total_messages })
                : t('messages.inbox.tabIn'),
            },
            { value: 'out', label: t('messages.inbox.tabOut') },
          ]}
          aria-label={t('messages.inbox.box')}
          data-testid="box"
        />
        <TextInput
          style={{ flex: '1 1 220px' }}
          leftSection={<IconSearch size={16} aria-hidden />}
          label={t('messages.inbox.search')}
          placeholder={t('messages.inbox.searchPlaceholder')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          type="search"
        />
        {box === 'out' ? (
          <Select
            w={180}
            label={t('messages.inbox.status')}
            value={status}
            onChange={(v) => set({ status: v || null })}
            data={[
              { value: '', label: t('messages.inbox.allStatuses') },
              ...MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`messages.status.${s}`) })),
            ]}
            allowDeselect={false}
          />
        ) : (
          <Switch
            label={t('messages.inbox.unreadOnly')}
            checked={unreadOnly}
            onChange={(e) => set({ unread: e.currentTarget.checked ? 'true' : null })}
            mb={8}
          />
        )}
      </Group>
      {list.isPending && <Skeleton h={160} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isSuccess && rows.length === 0 && (
        <Paper p="xl">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
              <IconMail size={28} />
            </ThemeIcon>
            <Text c="dimmed">{t('messages.inbox.empty')}</Text>
          </Stack>
        </Paper>
      )}
      {rows.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="message-list">
          {rows.map((m) => (
            <MessageCard key={m.id} m={m} />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button
          variant="light"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          mx="auto"
        >
          {t('messages.inbox.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function MessageCard({ m }: { m: MessageRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = m.direction === 'in' && !m.read_at;
  const who = m.direction === 'in' ? m.from_address : m.to_address;
  return (
    <Paper
      component="li"
      p="sm"
      withBorder
      data-message={m.id}
      data-case={m.case_number}
      data-direction={m.direction}
      data-unread={unread || undefined}
      style={unread ? { borderInlineStart: '4px solid var(--mantine-color-blue-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
          {unread && (
            <Box
              w={10}
              h={10}
              bg="blue.6"
              style={{ borderRadius: '50%', flex: 'none' }}
              role="img"
              aria-label={t('messages.row.unread')}
              data-testid="unread-dot"
            />
          )}
          <Anchor component={Link} to={caseLink(m.case_kind, m.case_id)} className="rma" fw={600}>
            {m.case_number}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('return.order', { number: m.order_number })}
          </Text>
          {m.priority && <PriorityTag priority={m.priority} />}
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={m.at}>{format.dateTime(m.at)}</time>
        </Text>
      </Group>
      {who && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t(m.direction === 'in' ? 'messages.row.from' : 'messages.row.to', { address: who })}
        </Text>
      )}
      <Text size="sm" fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }} data-testid="subject">
        {m.subject || t('messages.row.noSubject')}
      </Text>
      <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {m.excerpt}
      </Text>
      <Group gap={6} mt={6} wrap="wrap">
        {m.direction === 'out' && m.status && <MailStatusBadge status={m.status} size="sm" />}
        {m.language && <LanguageTag language={m.language} />}
        {m.direction === 'in' && m.intent && <IntentTag intent={m.intent} />}
        {m.status === 'held' && m.send_after && (
          <Text size="xs" c="dimmed">
            {t('messages.row.heldUntil', { date: format.dateTime(m.send_after) })}
          </Text>
        )}
      </Group>
      {m.last_error && m.status !== 'sent' && (
        <Text size="xs" c="red.9" mt={4} style={{ overflowWrap: 'anywhere' }} data-testid="last-error">
          {t('messages.row.error', { error: m.last_error })}
        </Text>
      )}
    </Paper>
  );
}
