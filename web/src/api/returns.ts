// Reads for the console pages. Keys start with the resource so a step can refresh all of a return.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './transport.ts';
import type {
  CaseMessage,
  Evidence,
  OrderView,
  Page,
  QueueCounts,
  ReturnView,
  TimelineEvent,
} from './types.ts';

export type ReturnListParams = Record<string, string | undefined>;

function query(params: ReturnListParams): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return new URLSearchParams(entries).toString();
}

export function useReturnList(params: ReturnListParams, enabled = true) {
  return useQuery({
    queryKey: ['returns', 'list', params],
    queryFn: () => api.get<Page<ReturnView>>(`/api/v1/returns?${query(params)}`),
    enabled,
  });
}

/** One return, its explanations told in the console's language and the viewer's time zone (the
 *  customer read them in theirs). A language switch refetches it. */
export function useReturn(id: string, enabled = true) {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  useEffect(() => {
    const refetch = () => void client.invalidateQueries({ queryKey: ['returns', id], exact: true });
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [client, id, i18n]);
  return useQuery({
    queryKey: ['returns', id],
    queryFn: () =>
      api.get<ReturnView>(
        `/api/v1/returns/${id}?${new URLSearchParams({ language: i18n.language, time_zone: viewerZone() })}`,
      ),
    enabled,
  });
}

export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A return's timeline, or (`cases`) that of any other kind of case. */
export function useReturnEvents(id: string, base: 'returns' | 'cases' = 'returns') {
  return useQuery({
    queryKey: ['returns', id, 'events'],
    queryFn: () => api.get<Page<TimelineEvent>>(`/api/v1/${base}/${id}/events`),
  });
}

export function useCaseMessages(id: string) {
  return useQuery({
    queryKey: ['returns', id, 'messages'],
    queryFn: () => api.get<Page<CaseMessage>>(`/api/v1/cases/${id}/messages`),
  });
}

export function useCaseEvidence(id: string) {
  return useQuery({
    queryKey: ['returns', id, 'evidence'],
    queryFn: () => api.get<Page<Evidence>>(`/api/v1/cases/${id}/evidence`),
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: ['orders', id],
    queryFn: () => api.get<OrderView>(`/api/v1/orders/${id}`),
    enabled: Boolean(id),
  });
}

/** The navigation's badges: one request for every queue; a step refreshes it with the lists. */
export function useQueueCounts() {
  return useQuery({
    queryKey: ['returns', 'counts'],
    queryFn: () => api.get<QueueCounts>('/api/v1/returns/counts'),
    refetchInterval: 60_000,
  });
}

export interface RejectTemplates {
  language: string;
  reject: { reason_code: string; message: string }[];
}

/** The server's reply templates, in the customer's language (it falls back to the nearest it has). */
export function useRejectTemplates(language: string | null | undefined, enabled: boolean) {
  const lang = language ?? 'en';
  return useQuery({
    queryKey: ['reply-templates', lang],
    queryFn: () => api.get<RejectTemplates>(`/api/v1/reply-templates?language=${encodeURIComponent(lang)}`),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}
