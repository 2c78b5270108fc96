// The portal's cases other than returns as TanStack Query hooks, under the session's private key.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/transport.ts';
import { useLanguage, usePortalClient } from './queries.ts';
import type { CreateCaseBody } from './types.ts';

export function useCaseOptions() {
  const { client, key } = usePortalClient();
  const language = useLanguage();
  return useQuery({
    queryKey: [...key, 'case-options', language],
    queryFn: () => client.caseOptions(language),
  });
}

export function useCase(id: string) {
  const { client, key } = usePortalClient();
  return useQuery({
    queryKey: [...key, 'case', id],
    queryFn: () => client.getCase(id),
    refetchInterval: 60_000, // a customer waiting on the page sees the store's answer arrive
  });
}

export function useCreateCase() {
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      body: CreateCaseBody;
      idempotencyKey: string;
      files: File[];
      lineId: string | null;
    }) => {
      const created = await client.createCase(input.body, input.idempotencyKey);
      // Photos go up once the case exists; a failed upload does not undo the report.
      let uploadFailed = false;
      if (input.files.length > 0)
        try {
          await client.uploadCaseEvidence(created.id, input.lineId, input.files);
        } catch (err) {
          if (err instanceof ApiError && err.problem.status === 401) throw err;
          uploadFailed = true;
        }
      return { created, uploadFailed };
    },
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: [...key, 'case-options'] });
      queries.invalidateQueries({ queryKey: [...key, 'order'] });
    },
  });
}

export function useAnswerOffer(id: string) {
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { answer: 'accept' | 'decline'; idempotencyKey: string; message?: string }) =>
      client.answerOffer(id, input.answer, input.idempotencyKey, input.message),
    onSuccess: (view) => {
      queries.setQueryData([...key, 'case', id], view);
      queries.invalidateQueries({ queryKey: [...key, 'case-options'] });
    },
  });
}

export function useUploadCaseEvidence(id: string) {
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { lineId: string | null; files: File[] }) =>
      client.uploadCaseEvidence(id, input.lineId, input.files),
    onSuccess: () => queries.invalidateQueries({ queryKey: [...key, 'case', id] }),
  });
}
