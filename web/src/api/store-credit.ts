// Store credit codes: look one up, issue one, void one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';

export interface CreditEntry {
  id: string;
  entry_type: 'grant' | 'redeem' | 'void' | 'reversal';
  amount: number;
  currency: string;
  note: string;
  reference: string | null;
  case_id: string | null;
  created_at: string;
  code: string | null;
}

export interface CreditCode {
  code: string;
  currency: string;
  balance: number;
  status: 'active' | 'spent' | 'expired' | 'void';
  expires_at: string | null;
  voided_at: string | null;
  case_id: string | null;
  note: string;
  customer: { id: string; email: string; name: string | null };
  created_at: string;
  ledger: CreditEntry[];
}

export function useCreditCode(code: string | null) {
  return useQuery({
    queryKey: ['store-credit', code],
    queryFn: () => api.get<CreditCode>(`/api/v1/store-credit/codes/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    retry: false,
  });
}

export function useIssueCredit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      email: string;
      amount: number;
      currency: string;
      note: string;
      expires_at?: string;
    }) => api.post<CreditCode>('/api/v1/store-credit/codes', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['store-credit'] }),
  });
}

export function useVoidCredit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) =>
      api.post<CreditCode>(`/api/v1/store-credit/codes/${encodeURIComponent(code)}/void`, {
        body: { reason },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['store-credit'] }),
  });
}
