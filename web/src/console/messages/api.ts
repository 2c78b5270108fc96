// The conversation with customers by email, for the console: the inbox and outbox across cases, the
// unread count, a case's messages with their mail fields, suggested replies and replies, the
// templates the store sends and when news may go out. A case's messages share the key
// ['returns', id, 'messages'] with NotesCard, so a reply refreshes both.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/transport.ts';
import type { CaseMessage } from '../../api/types.ts';

export const MESSAGE_STATUSES = ['queued', 'held', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const INTENTS = [
  'where_is_my_order',
  'return_request',
  'refund_status',
  'cancel_order',
  'change_address',
  'item_problem',
  'complaint',
  'other',
] as const;

/** The customers' languages the store writes in (the console itself speaks fewer). */
export const MAIL_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'ru', 'es', 'de', 'fr', 'pt-BR', 'ja'] as const;

export type Attachment = { evidence_id: string; filename: string } | { filename: string; refused: string };

/** A case's message with what mail adds to it (subject, addresses, delivery state). */
export interface MailMessage extends CaseMessage {
  status: MessageStatus | null;
  send_after: string | null;
  subject: string | null;
  template: string | null;
  language: string | null;
  intent: string | null;
  to_address: string | null;
  from_address: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  attachments: Attachment[] | string | null;
  attempts: number | null;
  sent_at: string | null;
  last_error: string | null;
  read_at: string | null;
}

export interface MessageRow {
  id: string;
  case_id: string;
  case_number: string;
  case_kind: string;
  case_status: string;
  priority: string | null;
  order_number: string;
  direction: 'in' | 'out' | 'internal';
  channel: string;
  status: MessageStatus | null;
  subject: string | null;
  excerpt: string;
  language: string | null;
  intent: string | null;
  template: string | null;
  to_address: string | null;
  from_address: string | null;
  author: string | null;
  send_after: string | null;
  sent_at: string | null;
  read_at: string | null;
  last_error: string | null;
  at: string;
}

export interface UnreadCounts {
  total_messages: number;
  total_cases: number;
  by_kind: Record<string, { cases: number; messages: number }>;
}

/** Where a case opens in the console: a return has its own page. */
export const caseLink = (kind: string, id: string) =>
  kind === 'return' ? `/console/returns/${id}` : `/console/cases/${id}`;

/** The attachments column arrives parsed, or as JSON text from some drivers. */
export function attachmentsOf(m: MailMessage): Attachment[] {
  if (!m.attachments) return [];
  if (typeof m.attachments === 'string') {
    try {
      return JSON.parse(m.attachments) as Attachment[];
    } catch {
      return [];
    }
  }
  return m.attachments;
}

export function useMessageList(filter: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: ['messages', 'list', filter],
    queryFn: ({ pageParam }) =>
      api.get<{ data: MessageRow[]; next_cursor: string | null }>(
        `/api/v1/messages?${new URLSearchParams({ limit: '25', ...filter, ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useUnread() {
  return useQuery({
    queryKey: ['messages', 'unread'],
    queryFn: () => api.get<UnreadCounts>('/api/v1/messages/unread'),
    refetchInterval: 60_000,
  });
}

export function useMailMessages(caseId: string) {
  return useQuery({
    queryKey: ['returns', caseId, 'messages'],
    queryFn: () => api.get<{ data: MailMessage[] }>(`/api/v1/cases/${caseId}/messages`),
  });
}

export function useSuggestedReply(caseId: string) {
  return useMutation({
    mutationFn: () =>
      api.get<{ case_id: string; intent: string; language: string; body: string }>(
        `/api/v1/cases/${caseId}/suggested-reply`,
      ),
  });
}

function useRefreshMessages(caseId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['returns', caseId] });
    void client.invalidateQueries({ queryKey: ['messages'] });
  };
}

export function useReply(caseId: string) {
  const refresh = useRefreshMessages(caseId);
  return useMutation({
    mutationFn: (body: string) =>
      api.post<{ id: string }>(`/api/v1/cases/${caseId}/reply`, { body: { body } }),
    onSuccess: refresh,
  });
}

export function useMarkRead(caseId: string) {
  const refresh = useRefreshMessages(caseId);
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>(`/api/v1/cases/${caseId}/messages/read`),
    onSuccess: (out) => {
      if (out.marked > 0) refresh();
    },
  });
}

// Templates

export interface TemplateSummary {
  key: string;
  about: string;
  timing: 'direct' | 'proactive';
  variables: string[];
  edited_languages: string[];
}

export interface TemplateText {
  subject: string;
  body: string;
}

export interface TemplateView extends TemplateText {
  key: string;
  language: string;
  edited: boolean;
  shipped: TemplateText & { language: string };
  variables: string[];
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  code: string;
  message: string;
}

export interface TemplatePreview {
  problems: TemplateProblem[];
  subject: string;
  text: string;
  html: string;
}

export function useTemplates() {
  return useQuery({
    queryKey: ['message-templates'],
    queryFn: () => api.get<{ data: TemplateSummary[]; languages: string[] }>('/api/v1/message-templates'),
  });
}

const templatePath = (key: string, language: string) =>
  `/api/v1/message-templates/${encodeURIComponent(key)}/${encodeURIComponent(language)}`;

export function useTemplate(key: string | null, language: string) {
  return useQuery({
    queryKey: ['message-templates', key, language],
    queryFn: () => api.get<TemplateView>(templatePath(key ?? '', language)),
    enabled: Boolean(key),
  });
}

export function useTemplatePreview(key: string, language: string, text: TemplateText | null) {
  return useQuery({
    queryKey: ['message-templates', key, language, 'preview', text],
    queryFn: () => api.post<TemplatePreview>(`${templatePath(key, language)}/preview`, { body: text }),
    enabled: text !== null,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useTemplateSave(key: string, language: string) {
  const client = useQueryClient();
  const done = (view: TemplateView) => {
    client.setQueryData(['message-templates', key, language], view);
    void client.invalidateQueries({ queryKey: ['message-templates'], exact: true });
  };
  return {
    save: useMutation({
      mutationFn: (text: TemplateText) => api.put<TemplateView>(templatePath(key, language), { body: text }),
      onSuccess: done,
    }),
    reset: useMutation({
      mutationFn: async () => {
        await api.delete(templatePath(key, language));
        return api.get<TemplateView>(templatePath(key, language));
      },
      onSuccess: done,
    }),
  };
}

// When news may go out

export interface NotificationSettings {
  daytime: { from: string; to: string; quiet_days: string[] };
  reply_to: string | null;
  survey_after_days: number | null;
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: ['notifications', 'settings'],
    queryFn: () => api.get<NotificationSettings>('/api/v1/notifications/settings'),
  });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) =>
      api.put<NotificationSettings>('/api/v1/notifications/settings', { body: settings }),
    onSuccess: (saved) => client.setQueryData(['notifications', 'settings'], saved),
  });
}
