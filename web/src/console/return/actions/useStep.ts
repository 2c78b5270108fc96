// One step of a return (approve, receive, resolve ...) as a mutation. The answer is the return as it
// now stands, so the page shows the new status at once; lists and the timeline refresh behind it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, newIdempotencyKey } from '../../../api/transport.ts';
import type { ReturnView } from '../../../api/types.ts';

export type Step = 'approve' | 'reject' | 'cancel' | 'label' | 'ship' | 'receive' | 'inspect' | 'resolve';

// Steps that call a carrier or move money carry a key fixed for the life of the form: a double
// click or a retry after a timeout replays the first answer instead of paying or printing twice.
const KEYED: ReadonlySet<Step> = new Set(['label', 'resolve']);

export function useStep(returnId: string, step: Step) {
  const client = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (body: object = {}) =>
      api.post<ReturnView>(`/api/v1/returns/${returnId}/${step}`, {
        body,
        ...(KEYED.has(step) ? { idempotencyKey: key } : {}),
      }),
    onSuccess: (view) => {
      client.setQueryData(['returns', returnId], view);
      void client.invalidateQueries({ queryKey: ['returns'] });
      void client.invalidateQueries({ queryKey: ['orders', view.order_id] });
    },
  });
}
