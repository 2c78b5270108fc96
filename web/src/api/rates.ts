// The store's exchange rates, and which policy amounts have no price in a currency the store sells in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';

export interface Rate {
  day: string;
  base: string;
  quote: string;
  rate: string;
}

export interface CurrencyCheck {
  policy_currency: string;
  currencies: string[];
  unpriced: { currency: string; fields: string[] }[];
}

export function useRates() {
  return useQuery({
    queryKey: ['rates'],
    queryFn: () => api.get<{ data: Rate[] }>('/api/v1/exchange-rates'),
  });
}

export function useCurrencyCheck() {
  return useQuery({
    queryKey: ['rates', 'currency-check'],
    queryFn: () => api.get<CurrencyCheck>('/api/v1/policy/currency-check'),
  });
}

function useRefreshRates() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['rates'] });
    void client.invalidateQueries({ queryKey: ['analytics'] });
  };
}

export function useSaveRates() {
  const refresh = useRefreshRates();
  return useMutation({
    mutationFn: (rates: Rate[]) => api.put<{ saved: number }>('/api/v1/exchange-rates', { body: { rates } }),
    onSuccess: refresh,
  });
}

export function useImportRates() {
  const refresh = useRefreshRates();
  return useMutation({
    mutationFn: (csv: string) =>
      api.post<{ saved: number; refused: { line: number; errors: string[] }[] }>(
        '/api/v1/exchange-rates/import',
        {
          raw: { contentType: 'text/csv', text: csv },
        },
      ),
    onSuccess: refresh,
  });
}

export function useDeleteRate() {
  const refresh = useRefreshRates();
  return useMutation({
    mutationFn: (r: Rate) => api.delete(`/api/v1/exchange-rates/${r.base}/${r.quote}/${r.day}`),
    onSuccess: refresh,
  });
}
