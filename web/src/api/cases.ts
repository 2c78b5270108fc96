// Cases other than returns, for the console: the queues per kind, their counts, one case with what
// the caller's role may do next (`allowed`), and its steps. Keys start with 'cases'; a case's own
// messages, evidence and events sit under ['returns', id, …] beside a return's, so NotesCard,
// EvidenceGallery and Timeline serve both.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { viewerZone } from './returns.ts';
import { api, newIdempotencyKey } from './transport.ts';

export const CASE_KINDS = [
  'cancellation',
  'address_change',
  'lost_parcel',
  'delivery_delay',
  'item_problem',
  'dispute',
  'inquiry',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseStatus =
  | 'open'
  | 'waiting_customer'
  | 'waiting_carrier'
  | 'submitted'
  | 'resolved'
  | 'closed'
  | 'won'
  | 'lost';
export type ResolutionType = 'refund' | 'reship' | 'store_credit' | 'update_address' | 'none';

export interface CaseListItem {
  id: string;
  number: string;
  kind: CaseKind;
  status: CaseStatus;
  order_id: string;
  order_number: string;
  customer_name: string | null;
  customer_email?: string;
  destination_country?: string;
  sla_due_at: string | null;
  created_at: string;
  assignee_user_id: string | null;
  data: Record<string, unknown>;
}

export interface Address {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  country: string;
}

export interface CaseView {
  id: string;
  number: string;
  kind: CaseKind;
  status: CaseStatus;
  order_id: string;
  order_number: string;
  currency: string;
  customer: { id: string | null; name: string | null; email: string; language: string | null };
  shipping_address?: Address;
  lines: {
    line_id: string;
    quantity: number;
    sku: string | null;
    title: string;
    variant: string | null;
    unit_amount: number;
  }[];
  data: Record<string, unknown>;
  explanations: { code: string; message: string; source?: string }[];
  sla_due_at: string | null;
  assignee_user_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  resolution: ({ type: ResolutionType; amount?: number; message?: string } & Record<string, unknown>) | null;
  refunds: { id: string; amount: number; currency: string; provider: string; status: string }[];
  replacement_order_id: string | null;
  replacement?: { number: string; status: string } | null;
  return_id: string | null;
  offer: { resolution: { type: string; amount?: number }; message: string; offered_at?: string } | null;
  amounts: {
    full_refund: { items: number; tax: number; shipping: number; total: number } | null;
    refundable: number;
    goodwill_limit: number | null;
  };
  allowed: {
    moves: CaseStatus[];
    resolutions: ResolutionType[];
    can_offer: boolean;
    can_intercept: boolean;
    can_convert_to_return: boolean;
    dispute_steps?: CaseStatus[];
  };
}

export type CaseCounts = { by_kind: Partial<Record<CaseKind, { open: number; overdue: number }>> };

export function useCaseCounts() {
  return useQuery({
    queryKey: ['cases', 'counts'],
    queryFn: () => api.get<CaseCounts>('/api/v1/cases/counts'),
    refetchInterval: 60_000,
  });
}

export function useCaseList(params: Record<string, string>) {
  return useQuery({
    queryKey: ['cases', 'list', params],
    queryFn: () =>
      api.get<{ data: CaseListItem[]; next_cursor: string | null }>(
        `/api/v1/cases?${new URLSearchParams(params)}`,
      ),
  });
}

/** One case, its explanations told in the console's language and the viewer's zone (the customer
 *  read them in theirs). A language switch refetches it. */
export function useCase(id: string) {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  useEffect(() => {
    const refetch = () => void client.invalidateQueries({ queryKey: ['cases', id], exact: true });
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [client, id, i18n]);
  return useQuery({
    queryKey: ['cases', id],
    queryFn: () =>
      api.get<CaseView>(
        `/api/v1/cases/${id}?${new URLSearchParams({ language: i18n.language, time_zone: viewerZone() })}`,
      ),
  });
}

/** An order's cases (returns too), for the return page's "other cases of this order". */
export function useOrderCases(orderId: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'order', orderId],
    queryFn: () =>
      api.get<{ data: CaseListItem[] }>(`/api/v1/cases?${new URLSearchParams({ order_id: orderId ?? '' })}`),
    enabled: Boolean(orderId),
  });
}

/** One step on a case (resolve, move, offer, intercept, dispute, return); money steps carry a key
 *  made once per form, so a double click or a retry replays the first answer. */
export function useCaseStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: { path: string; body: unknown; idempotencyKey?: string }) =>
      api.post<CaseView | { return_id: string }>(`/api/v1/cases/${id}/${step.path}`, {
        body: step.body,
        idempotencyKey: step.idempotencyKey ?? newIdempotencyKey(),
      }),
    onSuccess: (answer) => {
      if ('kind' in answer) client.setQueryData(['cases', id], answer);
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['returns', id] });
    },
  });
}
