// The portal's reads and writes as TanStack Query hooks. Keys under ['portal', 'private', token]
// belong to one customer's session and are dropped when it ends; explanations come in the page's
// language, so the language is part of each key that carries them.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/transport.ts';
import { usePortalScope, useSession } from '../session/scope.tsx';
import { loadStore, portalClient } from './client.ts';
import type { CreateReturnBody, PreviewBody, ShippingMethod, StoreInfo, WithdrawalBody } from './types.ts';
import { SHIPPING_METHODS } from './types.ts';

export function usePortalClient() {
  const { token } = useSession();
  const client = useMemo(() => portalClient(token), [token]);
  return { client, key: ['portal', 'private', token] as const };
}

export function useLanguage(): string {
  return useTranslation('portal').i18n.language;
}

export function useOrder() {
  const { client, key } = usePortalClient();
  const language = useLanguage();
  return useQuery({
    queryKey: [...key, 'order', language],
    queryFn: () => client.order(language),
    placeholderData: keepPreviousData, // a language switch re-words the page without blanking it
  });
}

export function useReturn(id: string) {
  const { client, key } = usePortalClient();
  return useQuery({
    queryKey: [...key, 'return', id],
    queryFn: () => client.getReturn(id),
    refetchInterval: 60_000, // a customer waiting on the page sees the approval arrive
  });
}

export function usePreview(body: PreviewBody | null) {
  const { client, key } = usePortalClient();
  return useQuery({
    queryKey: [...key, 'preview', body],
    queryFn: () => client.preview(body as PreviewBody),
    enabled: body !== null,
    staleTime: 60_000,
    // a changed answer (or language) keeps the last preview on screen until the new one is in
    placeholderData: keepPreviousData,
  });
}

export function usePreviews(bodies: PreviewBody[]) {
  const { client, key } = usePortalClient();
  return useQueries({
    queries: bodies.map((body) => ({
      queryKey: [...key, 'preview', body],
      queryFn: () => client.preview(body),
      staleTime: 60_000,
    })),
  });
}

export function useVariants(lineId: string, enabled: boolean) {
  const { client, key } = usePortalClient();
  return useQuery({
    queryKey: [...key, 'variants', lineId],
    queryFn: () => client.variants(lineId),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The store's name and the return methods it offers; null fields while the server cannot say. */
export function useStoreInfo(): {
  name: string | null;
  methods: ShippingMethod[] | null;
  logo: string | null;
  brand: string | null;
} {
  const { store, session } = usePortalScope();
  const info = useQuery({
    queryKey: ['portal', 'store', store],
    // Only the name and the methods: the portal works without them, so any refusal means "unknown"
    // (and must not count as the customer's session expiring).
    queryFn: (): Promise<StoreInfo | null> => loadStore(store).catch(() => null),
    staleTime: 10 * 60_000,
    retry: false,
  });
  return {
    name: info.data?.name ?? session?.storeName ?? null,
    methods: info.data?.return_methods ?? null,
    logo: info.data?.logo_url ?? null,
    brand: info.data?.brand_color ?? null,
  };
}

/**
 * The methods to offer, each with a preview of what it costs. The store's list comes from the store
 * endpoint; until the server has it, each method is asked of the preview and those the engine calls
 * "not offered" are left out.
 */
export function useMethodPreviews(base: Omit<PreviewBody, 'method'> | null) {
  const { methods } = useStoreInfo();
  const candidates = methods ?? SHIPPING_METHODS;
  const results = usePreviews(base ? candidates.map((method) => ({ ...base, method })) : []);
  const pending = results.some((r) => r.isPending);
  const offered = candidates.flatMap((method, i) => {
    const data = results[i]?.data;
    if (!data) return [];
    const refused = data.lines.some((l) => l.explanations.some((e) => e.code === 'method_not_offered'));
    return refused ? [] : [{ method, preview: data }];
  });
  return { pending, offered, error: results.find((r) => r.error)?.error ?? null };
}

export function useCreateReturn() {
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      body: CreateReturnBody;
      idempotencyKey: string;
      files: Map<string, File[]>;
    }) => {
      const created = await client.createReturn(input.body, input.idempotencyKey);
      // Photos go up once the return exists; a failed upload does not undo the request, the
      // status page offers to add them again.
      const failed: string[] = [];
      for (const [lineId, files] of input.files) {
        if (files.length === 0) continue;
        try {
          await client.uploadEvidence(created.id, lineId, files);
        } catch (err) {
          if (err instanceof ApiError && err.problem.status === 401) throw err;
          failed.push(lineId);
        }
      }
      return { created, failedUploads: failed };
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: [...key, 'order'] }),
  });
}

export function useUploadEvidence(returnId: string) {
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { lineId: string; files: File[] }) =>
      client.uploadEvidence(returnId, input.lineId, input.files),
    onSuccess: () => queries.invalidateQueries({ queryKey: [...key, 'return', returnId] }),
  });
}

export function useWithdraw() {
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: WithdrawalBody; idempotencyKey: string }) =>
      client.withdraw(input.body, input.idempotencyKey),
    onSuccess: () => queries.invalidateQueries({ queryKey: [...key, 'order'] }),
  });
}
