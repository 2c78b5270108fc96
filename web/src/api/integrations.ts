// The store's connections: providers with which secrets are set (never their values), webhook
// deliveries received with what applying each did, and the endpoints our events go out to.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './transport.ts';

export const PROVIDERS = ['shopify', 'woocommerce', 'stripe', 'paypal', 'easypost'] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface Integration {
  provider: Provider;
  base_url: string | null;
  shop_domain: string | null;
  secrets_set: string[];
  updated_at: string;
}

export interface Delivery {
  id: string;
  provider: Provider;
  delivery_id: string;
  topic: string;
  object_id: string | null;
  received_at: string;
  applied_at: string | null;
  outcome: string | null;
  error: string | null;
}

export interface Endpoint {
  id: string;
  url: string;
  topics: string[];
  created_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  failing_since: string | null;
  recent: {
    id: number;
    attempt: number;
    event_id: string;
    event_type: string;
    status_code: number | null;
    error: string | null;
    at: string;
  }[];
}

export function useIntegrations() {
  return useQuery({
    queryKey: ['integrations'],
    queryFn: () => api.get<{ data: Integration[] }>('/api/v1/integrations'),
  });
}

export function useDeliveries(failed: boolean) {
  return useQuery({
    queryKey: ['integrations', 'deliveries', failed],
    queryFn: () =>
      api.get<{ data: Delivery[] }>(
        `/api/v1/integrations/deliveries?limit=50${failed ? '&failed=true' : ''}`,
      ),
  });
}

export function useEndpoints() {
  return useQuery({
    queryKey: ['integrations', 'endpoints'],
    queryFn: () => api.get<{ data: Endpoint[] }>('/api/v1/webhook-endpoints'),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['integrations'] });
}

export function useSaveIntegration() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ provider, body }: { provider: Provider; body: Record<string, string | null> }) =>
      api.put<Integration>(`/api/v1/integrations/${provider}`, { body }),
    onSuccess: refresh,
  });
}

export function useReplay() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/integrations/deliveries/${id}/replay`, { body: {} }),
    onSuccess: refresh,
  });
}

export function useCreateEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { url: string; topics: string[] }) =>
      api.post<Endpoint & { secret: string }>('/api/v1/webhook-endpoints', { body }),
    onSuccess: refresh,
  });
}

export function useDisableEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/webhook-endpoints/${id}`),
    onSuccess: refresh,
  });
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (provider: Provider) =>
      api.post<{ ok: boolean; detail: string }>(`/api/v1/integrations/${provider}/test`, { body: {} }),
  });
}
