// The store's return policy: the current document, its versions, saving a new one, and the engine's
// decision under a draft for a real order ("what would happen"), which saves nothing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';
import type { Eligibility, Page, PolicyDocument, PolicyVersion } from './types.ts';

/** The API answers a version as the document's own fields beside version, created_by, created_at. */
type PolicyVersionJson = PolicyDocument & Omit<PolicyVersion, 'document'>;

function toVersion({ version, created_by, created_at, ...document }: PolicyVersionJson): PolicyVersion {
  return { version, created_by, created_at, document: document as PolicyDocument };
}

export const fetchCurrentPolicy = async () => toVersion(await api.get<PolicyVersionJson>('/api/v1/policy'));

export function usePolicy() {
  return useQuery({
    queryKey: ['policy', 'current'],
    queryFn: fetchCurrentPolicy,
    // The editor's draft is based on this version: a background refetch must not swap it under the
    // owner's hands (saving checks for a newer version instead, see ConflictDialog).
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function usePolicyVersions() {
  return useQuery({
    queryKey: ['policy', 'versions'],
    queryFn: async (): Promise<Page<PolicyVersion>> => {
      const page = await api.get<Page<PolicyVersionJson>>('/api/v1/policy/versions');
      return { ...page, data: page.data.map(toVersion) };
    },
    staleTime: 5 * 60_000,
  });
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    // `base`: the version the owner last saw; the server refuses the save when a newer one exists.
    mutationFn: async ({ document, base }: { document: PolicyDocument; base: number }) =>
      toVersion(await api.put<PolicyVersionJson>('/api/v1/policy', { body: { ...document, version: base } })),
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
