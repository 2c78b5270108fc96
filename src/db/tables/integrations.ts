// Store platform integrations, webhooks in and out.
import type { Generated } from 'kysely';
import type { Instant, InstantDefault, Json } from './columns.ts';

export interface IntegrationsTable {
  store_id: string;
  provider: string;
  base_url: string | null;
  shop_domain: string | null;
  secrets: string | null;
  secret_names: Generated<string[]>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface WebhookEndpointsTable {
  store_id: string;
  id: string;
  url: string;
  topics: string[];
  secret: string;
  created_at: InstantDefault;
  failing_since: Instant | null;
  disabled_at: Instant | null;
  disabled_reason: string | null;
}

export interface WebhookSendsTable {
  store_id: string;
  id: Generated<number>;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  event: Json;
  attempt: number;
  status_code: number | null;
  error: string | null;
  at: InstantDefault;
}

export interface WebhookDeliveriesTable {
  store_id: string;
  id: string;
  provider: string;
  delivery_id: string;
  topic: string;
  object_id: string | null;
  object_updated_at: Instant | null;
  body: string;
  received_at: InstantDefault;
  applied_at: Instant | null;
  outcome: string | null;
  error: string | null;
}
