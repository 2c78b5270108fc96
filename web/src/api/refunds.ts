// Refunds the team pays by hand (the manual provider): listed until someone confirms the payment.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, newIdempotencyKey } from './transport.ts';
import type { RefundView } from './types.ts';

export function useManualRefunds() {
  return useQuery({
    queryKey: ['refunds', 'requires_action'],
    queryFn: () => api.get<{ data: RefundView[] }>('/api/v1/refunds?status=requires_action&limit=200'),
    refetchInterval: 60_000,
  });
}

/** Confirming records money that left by hand: a double click must not record it twice. */
export function useConfirmRefund(refundId: string, returnId: string | null) {
  const client = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (reference: string) =>
      api.post<RefundView>(`/api/v1/refunds/${refundId}/confirm`, {
        body: { reference },
        idempotencyKey: key,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['refunds'] });
      if (returnId) void client.invalidateQueries({ queryKey: ['returns', returnId] });
    },
  });
}

/** Sends a refused refund again (a new provider call); keyed so a double click sends it once. */
export function useRetryRefund(refundId: string, returnId: string | null) {
  const client = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: () =>
      api.post<RefundView>(`/api/v1/refunds/${refundId}/retry`, { body: {}, idempotencyKey: key }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['refunds'] });
      if (returnId) void client.invalidateQueries({ queryKey: ['returns', returnId] });
    },
  });
}
