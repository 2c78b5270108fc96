// The store, its staff and their tokens and sessions, its policies and templates, and the tables
// the server keeps for itself (idempotency keys, jobs, guess counters, rate limits, security events,
// exchange rates).
import type { ColumnType, Generated } from 'kysely';
import type { Instant, InstantDefault, Json, JsonDefault } from './columns.ts';

export interface StoresTable {
  id: string;
  slug: string;
  name: string;
  currency: string;
  time_zone: string;
  languages: string[];
  return_address: Json;
  portal_secret: string;
  logo_url: Generated<string | null>;
  brand_color: Generated<string | null>;
  notification_settings: JsonDefault;
  /** the cost tables of disposition by cost (domain/suppliers/disposition-costs.ts), null: none */
  disposition_costs: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: InstantDefault;
}

export interface UsersTable {
  store_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: InstantDefault;
  deactivated_at: Instant | null;
}

export interface ApiTokensTable {
  store_id: string;
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: InstantDefault;
  revoked_at: Instant | null;
}

export interface SessionsTable {
  store_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: InstantDefault;
  expires_at: Instant;
}

export interface PoliciesTable {
  store_id: string;
  version: number;
  document: Json;
  created_by: string;
  created_at: InstantDefault;
}

export interface MessageTemplatesTable {
  store_id: string;
  key: string;
  language: string;
  subject: string;
  body: string;
  updated_by: string;
  updated_at: InstantDefault;
}

export interface IdempotencyKeysTable {
  store_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: InstantDefault;
}

export interface JobsTable {
  store_id: string;
  id: Generated<number>;
  kind: string;
  payload: Json;
  run_at: InstantDefault;
  attempts: Generated<number>;
  locked_until: Instant | null;
  done_at: Instant | null;
  last_error: string | null;
  created_at: InstantDefault;
}

export interface GuessCountersTable {
  subject: string;
  store_id: string | null;
  attempts: number;
  last_attempt_at: InstantDefault;
  locked_until: Instant | null;
}

/** request counts per route and client address (@fastify/rate-limit, http/rate-limit-store.ts) */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends: Instant;
}

export interface SecurityEventsTable {
  store_id: string;
  id: Generated<number>;
  type: string;
  subject: string;
  data: Json;
  at: InstantDefault;
}

export interface ExchangeRatesTable {
  store_id: string;
  day: ColumnType<string, string, string>;
  base: string;
  quote: string;
  /** a decimal string: 1 base = rate quote */
  rate: ColumnType<string, string, string>;
  created_by: string;
  created_at: InstantDefault;
}
