// The store's return policy: the current document, its versions, saving a new one, and the engine's
// decision under a draft for a real order ("what would happen"), which saves nothing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';
import type { Eligibility, Page, PolicyDocument, PolicyVersion } from './types.ts';

export function usePolicy() {
  return useQuery({
    queryKey: ['policy', 'current'],
    queryFn: () => api.get<PolicyVersion>('/api/v1/policy'),
    // The editor's draft is based on this version: a background refetch must not swap it under the
    // owner's hands (saving checks for a newer version instead, see ConflictDialog).
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function usePolicyVersions() {
  return useQuery({
    queryKey: ['policy', 'versions'],
    queryFn: () => api.get<Page<PolicyVersion>>('/api/v1/policy/versions'),
    staleTime: 5 * 60_000,
  });
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (document: PolicyDocument) =>
      api.put<{ version: number; document: PolicyDocument }>('/api/v1/policy', { body: document }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['policy'] }),
  });
}

export interface PreviewRequest {
  policy: PolicyDocument;
  order_number: string;
  reason: string;
  /** absent: the customer's own language */
  language?: string;
  /** decide as if the customer asked at this instant (default: now) */
  at?: string;
}

export const previewPolicy = (body: PreviewRequest) =>
  api.post<Eligibility>('/api/v1/policy/preview', { body });
