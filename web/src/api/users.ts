// The store's staff and who owns a return. Assigning changes only the owner, so the answer patches
// the cached return and the lists refresh behind it ("Mine" and "Unassigned" change with it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';
import type { Assignee, ReturnView, StaffUser } from './types.ts';

export function useStaff(enabled = true) {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<{ data: StaffUser[] }>('/api/v1/users'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** `{ to: 'me' }` takes the return; `{ user_id }` hands it to a colleague, or to nobody with null. */
export type AssignBody = { to: 'me' } | { user_id: string | null };

export function useAssign(returnId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignBody) =>
      api.post<{ id: string; assignee: Assignee | null }>(`/api/v1/cases/${returnId}/assign`, { body }),
    onSuccess: ({ assignee }) => {
      client.setQueryData<ReturnView>(['returns', returnId], (old) => (old ? { ...old, assignee } : old));
      void client.invalidateQueries({ queryKey: ['returns'] });
      // the same endpoint owns any kind of case: a case page and its queue read under 'cases'
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
