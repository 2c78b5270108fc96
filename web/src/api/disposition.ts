// Disposition by cost: the options per line of a return, the store's cost tables, and the stock
// waiting to be put away.
import type { Grade } from '@domain/returns/inspection.ts';
import type { DispositionChoice, DispositionCosts } from '@domain/suppliers/disposition.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';

export type { DispositionChoice, DispositionOption, Route } from '@domain/suppliers/disposition.ts';

export interface LineOptions extends Omit<DispositionChoice, 'currency' | 'tied_with'> {
  line_id: string;
  sku: string;
  title: string;
  quantity: number;
  with_customer: boolean;
  supplier: { id: string; code: string; name: string; country: string | null } | null;
  supplier_position: { claimable: boolean; until: string | null; why: { message: string } } | null;
  grade: Grade;
  by_grade: Record<Grade, DispositionChoice>;
  recorded: { disposition: string; expected_cost: number | null; currency: string | null } | null;
}

export interface DispositionOptions {
  currency: string;
  tables_set: boolean;
  lines: LineOptions[];
}

export function useDispositionOptions(returnId: string, enabled = true) {
  return useQuery({
    queryKey: ['returns', returnId, 'disposition-options'],
    queryFn: () => api.get<DispositionOptions>(`/api/v1/returns/${returnId}/disposition-options`),
    enabled,
  });
}

export function useDispositionCosts() {
  return useQuery({
    queryKey: ['disposition-costs'],
    queryFn: () => api.get<{ tables_set: boolean; costs: DispositionCosts }>('/api/v1/disposition-costs'),
  });
}

export function useSaveDispositionCosts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (costs: unknown) => api.put('/api/v1/disposition-costs', { body: costs }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['disposition-costs'] }),
  });
}

export interface PutAwayLine {
  case_id: string;
  number: string;
  line_id: string;
  sku: string;
  title: string;
  quantity: number;
  grade: string | null;
  disposition: string;
  location: string;
  inspected_at: string | null;
}

export function usePutAway() {
  return useQuery({
    queryKey: ['put-away'],
    queryFn: () =>
      api.get<{ locations: { location: string; units: number; lines: PutAwayLine[] }[] }>(
        '/api/v1/inventory/put-away',
      ),
  });
}

export function useMarkPutAway() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lines: { case_id: string; line_id: string }[]) =>
      api.post('/api/v1/inventory/put-away', { body: { lines } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['put-away'] }),
  });
}
