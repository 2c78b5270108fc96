// Kysely's view of the tables in migrations/. Keep in step with the SQL.
import type { ColumnType, Generated, Insertable, Selectable, Transaction } from 'kysely';

type Instant = ColumnType<Date, Date | string, Date | string>;
type InstantDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;
type JsonDefault<T = unknown> = ColumnType<T, string | undefined, string>;

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
export interface CustomersTable {
  store_id: string;
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  country: string | null;
  language: string | null;
  time_zone: string | null;
  segments: string[];
  created_at: InstantDefault;
  unsubscribed_at: Instant | null;
}
export interface SuppliersTable {
  store_id: string;
  id: string;
  code: string;
  name: string;
  country: string | null;
  return_terms: ColumnType<unknown, string | undefined, string>;
  terms_version: Generated<number>;
  email: Generated<string | null>;
  created_at: InstantDefault;
}
export interface SupplierTermsTable {
  store_id: string;
  supplier_id: string;
  version: number;
  document: Json;
  created_by: string;
  created_at: InstantDefault;
}
export interface SupplierClaimsTable {
  store_id: string;
  id: string;
  number: string;
  supplier_id: string;
  status: string;
  currency: string;
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_amount: Generated<number>;
  accepted_amount: ColumnType<number | null, number | null | undefined, number | null>;
  credited_amount: Generated<number>;
  supplier_reference: Generated<string | null>;
  note: Generated<string>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  acknowledged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  credited_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}
export interface SupplierClaimLinesTable {
  store_id: string;
  claim_id: string;
  id: string;
  source: string;
  case_id: string | null;
  order_id: string | null;
  line_id: string | null;
  sku: string | null;
  description: string;
  reason: string;
  quantity: number;
  amount: number;
  accepted_amount: ColumnType<number | null, number | null | undefined, number | null>;
  position: JsonDefault;
  evidence: JsonDefault;
  created_at: InstantDefault;
}
export interface SupplierClaimEventsTable {
  store_id: string;
  id: Generated<number>;
  claim_id: string;
  type: string;
  actor: string;
  data: JsonDefault;
  at: InstantDefault;
}
export interface SupplierCreditsTable {
  store_id: string;
  id: string;
  supplier_id: string;
  claim_id: string | null;
  kind: string;
  amount: number;
  currency: string;
  units: Generated<number>;
  reference: string;
  received_on: ColumnType<string, string, string>;
  note: Generated<string>;
  created_by: string;
  created_at: InstantDefault;
}
export interface ProductsTable {
  store_id: string;
  id: string;
  sku: string;
  product_group: string | null;
  title: string;
  variant: string | null;
  category: string | null;
  price: number;
  currency: string;
  weight_grams: number | null;
  flags: string[];
  supplier_code: string | null;
  tags: string[];
  /** prices per currency beside `price` ({"RUB": 450000}) */
  prices: ColumnType<Record<string, number>, string | undefined, string>;
  image_url: Generated<string | null>;
  /** what one unit costs the store from its supplier, in unit_cost_currency */
  unit_cost: Generated<number | null>;
  unit_cost_currency: Generated<string | null>;
  created_at: InstantDefault;
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
export interface OrdersTable {
  store_id: string;
  id: string;
  external_id: string | null;
  number: string;
  channel: string;
  currency: string;
  placed_at: Instant;
  return_terms_disclosed: boolean;
  customer_id: string;
  customer_language: string | null;
  customer_time_zone: string | null;
  customer_segments: string[];
  tags: string[];
  shipping_address: Json;
  destination_country: string;
  discounts: Json;
  shipping_amount: number;
  shipping_tax: number;
  total_amount: number;
  paid_amount: number;
  refunded_amount: Generated<number>;
  /** moved on by each portal lookup and by the store: older portal links stop working */
  portal_generation: Generated<number>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}
export interface OrderLinesTable {
  store_id: string;
  order_id: string;
  line_id: string;
  position: number;
  sku: string;
  title: string;
  variant: string | null;
  category: string | null;
  quantity: number;
  unit_price: number;
  discount: number;
  tax: number;
  flags: string[];
  supplier: string | null;
  no_reason_return_waived: boolean;
  tags: string[];
  cancelled_quantity: Generated<number>;
}
export interface PaymentsTable {
  store_id: string;
  order_id: string;
  position: number;
  provider: string;
  reference: string | null;
  amount: number;
}
export interface FulfillmentsTable {
  store_id: string;
  order_id: string;
  fulfillment_id: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Instant | null;
  delivered_at: Instant | null;
  lines: Json<{ line_id: string; quantity: number }[]>;
  origin_country: Generated<string | null>;
  milestone: Generated<string | null>;
  milestone_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  tracking_events: JsonDefault<unknown[]>;
}
export interface CasesTable {
  store_id: string;
  id: string;
  kind: string;
  number: string;
  status: string;
  order_id: string;
  customer_id: string;
  sla_due_at: Instant | null;
  assignee_user_id: string | null;
  created_at: InstantDefault;
  updated_at: InstantDefault;
  closed_at: Instant | null;
  priority: Generated<string>;
  data: JsonDefault;
  resolution: ColumnType<unknown, string | null | undefined, string | null>;
  offer: ColumnType<unknown, string | null | undefined, string | null>;
  replacement_order_id: Generated<string | null>;
  dedupe_key: Generated<string | null>;
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
export interface CaseLinesTable {
  store_id: string;
  case_id: string;
  order_id: string;
  line_id: string;
  quantity: number;
}
export interface ReplacementsTable {
  store_id: string;
  order_id: string;
  case_id: string;
  source_order_id: string;
  status: string;
  currency: string;
  cost: Generated<number>;
  due_amount: Generated<number>;
  due_settled_by: string | null;
  due_reference: string | null;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}
export interface CaseEventsTable {
  store_id: string;
  id: Generated<number>;
  case_id: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor: string;
  data: Json;
  at: InstantDefault;
}
export interface CaseMessagesTable {
  store_id: string;
  id: string;
  case_id: string | null;
  order_id: string | null;
  direction: string;
  channel: string;
  author: string;
  body: string;
  at: InstantDefault;
  /** queued, held (waiting for the customer's daytime), sent, failed; 'sent' for what came in */
  status: Generated<string>;
  timing: string | null;
  send_after: Instant | null;
  subject: string | null;
  template: string | null;
  language: string | null;
  intent: string | null;
  to_address: string | null;
  from_address: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  reference_ids: Generated<string[]>;
  action: ColumnType<MessageAction | null, string | null, string | null>;
  attachments: JsonDefault<
    { evidence_id?: string; filename: string; generated?: 'claim_pdf' | 'claim_csv' }[]
  >;
  attempts: Generated<number>;
  send_started_at: Instant | null;
  sent_at: Instant | null;
  last_error: string | null;
  read_at: Instant | null;
  /** a message to or from a supplier about a claim (then case_id and order_id are null) */
  supplier_claim_id: Generated<string | null>;
}
/** the link a message carries: the customer's page in the portal, signed when the message is sent */
export interface MessageAction {
  label: string;
  /** 'portal': a status link for the order; 'survey': the satisfaction survey */
  kind: 'portal' | 'survey';
  /** under the store's portal, e.g. 'returns/<id>' */
  path: string;
}
export interface SurveysTable {
  store_id: string;
  id: string;
  case_id: string;
  order_id: string;
  kind: string;
  agent_user_id: string | null;
  score: number | null;
  comment: string | null;
  language: string | null;
  follow_up_case_id: string | null;
  created_at: InstantDefault;
  answered_at: Instant | null;
}
export interface ReviewsTable {
  store_id: string;
  id: string;
  source: string;
  external_id: string;
  order_id: string | null;
  score: number;
  title: string | null;
  body: string | null;
  language: string | null;
  reviewed_at: Instant;
  draft_reply: string | null;
  recovery_offer: ColumnType<
    { type: 'store_credit'; amount: number; currency: string } | null,
    string | null,
    string | null
  >;
  case_id: string | null;
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
export interface CaseEvidenceTable {
  store_id: string;
  id: string;
  case_id: string;
  line_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  /** rows written before the file store kept their bytes here */
  data: Buffer | null;
  /** the file in the file store (src/integrations/storage) */
  storage_key: string | null;
  created_at: InstantDefault;
}
export interface ReturnsTable {
  store_id: string;
  case_id: string;
  method: string;
  resolution: Json;
  policy_version: number;
  decision: Json;
  refund: Json;
  auto_approved: boolean;
  refund_due_at: Instant | null;
  reject_reason: string | null;
  reject_message: string | null;
  result: Json | null;
  requested_at: Instant;
  approved_at: Instant | null;
  received_at: Instant | null;
  inspected_at: Instant | null;
  completed_at: Instant | null;
}
export interface ReturnLinesTable {
  store_id: string;
  case_id: string;
  order_id: string;
  line_id: string;
  quantity: number;
  reason: string;
  store_reason: ColumnType<string | null, string | null | undefined, string | null>;
  note: string;
  opened: boolean;
  decision: Json;
  received_quantity: Generated<number>;
  grade: string | null;
  checklist: Json | null;
  disposition: string | null;
  deduction_amount: Generated<number>;
  deduction_reason: string | null;
  disposition_recommended: Generated<string | null>;
  disposition_expected_cost: Generated<number | null>;
  disposition_cost_currency: Generated<string | null>;
  disposition_options: ColumnType<unknown, string | null | undefined, string | null>;
  disposition_actual_cost: Generated<number | null>;
  disposition_actual_currency: Generated<string | null>;
  disposition_actual_note: Generated<string | null>;
  location: Generated<string | null>;
  put_away_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  put_away_by: Generated<string | null>;
}
export interface ReturnLabelsTable {
  store_id: string;
  case_id: string;
  carrier: string;
  tracking_number: string | null;
  label_pdf: Buffer | null;
  created_at: InstantDefault;
  carrier_reference: Generated<string | null>;
  cost: Generated<number | null>;
  cost_currency: Generated<string | null>;
  voided_at: Generated<Date | null>;
}
export interface RefundsTable {
  store_id: string;
  id: string;
  order_id: string;
  case_id: string | null;
  amount: number;
  currency: string;
  provider: string;
  payment_position: number | null;
  provider_reference: string | null;
  status: string;
  idempotency_key: string;
  breakdown: Json;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}
export interface StoreCreditEntriesTable {
  store_id: string;
  id: string;
  customer_id: string;
  amount: number;
  currency: string;
  case_id: string | null;
  note: string;
  created_at: InstantDefault;
  code_id: string | null;
  entry_type: Generated<string>;
  reference: string | null;
  idempotency_key: string | null;
}
export interface StoreCreditCodesTable {
  store_id: string;
  id: string;
  code: string;
  customer_id: string;
  currency: string;
  case_id: string | null;
  note: Generated<string>;
  created_at: InstantDefault;
  expires_at: Instant | null;
  voided_at: Instant | null;
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
export interface PoliciesTable {
  store_id: string;
  version: number;
  document: Json;
  created_by: string;
  created_at: InstantDefault;
}
export interface SessionsTable {
  store_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: InstantDefault;
  expires_at: Instant;
}
export interface WithdrawalsTable {
  store_id: string;
  id: string;
  order_id: string;
  case_id: string | null;
  name: string;
  email: string;
  statement: string;
  lines: Json;
  language: string;
  declared_at: InstantDefault;
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

export interface DB {
  stores: StoresTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  suppliers: SuppliersTable;
  supplier_terms: SupplierTermsTable;
  supplier_claims: SupplierClaimsTable;
  supplier_claim_lines: SupplierClaimLinesTable;
  supplier_claim_events: SupplierClaimEventsTable;
  supplier_credits: SupplierCreditsTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  fulfillments: FulfillmentsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_lines: CaseLinesTable;
  integrations: IntegrationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_sends: WebhookSendsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  replacements: ReplacementsTable;
  case_messages: CaseMessagesTable;
  message_templates: MessageTemplatesTable;
  surveys: SurveysTable;
  reviews: ReviewsTable;
  case_evidence: CaseEvidenceTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  return_labels: ReturnLabelsTable;
  refunds: RefundsTable;
  store_credit_entries: StoreCreditEntriesTable;
  store_credit_codes: StoreCreditCodesTable;
  idempotency_keys: IdempotencyKeysTable;
  policies: PoliciesTable;
  jobs: JobsTable;
  sessions: SessionsTable;
  withdrawals: WithdrawalsTable;
  exchange_rates: ExchangeRatesTable;
  guess_counters: GuessCountersTable;
  security_events: SecurityEventsTable;
  rate_limits: RateLimitsTable;
}

/** The handle every query function takes first: a transaction (or the root instance for reads). */
export type Tx = Transaction<DB> | import('kysely').Kysely<DB>;
export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
