// Kysely's view of the tables in migrations/ (each table's columns in tables/, by area). Keep in step
// with the SQL.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type {
  CaseEventsTable,
  CaseEvidenceTable,
  CaseLinesTable,
  CaseMessagesTable,
  CasesTable,
  ReplacementsTable,
  ReviewsTable,
  SurveysTable,
  WithdrawalsTable,
} from './tables/cases.ts';
import type {
  IntegrationsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
  WebhookSendsTable,
} from './tables/integrations.ts';
import type {
  CustomersTable,
  FulfillmentsTable,
  OrderLinesTable,
  OrdersTable,
  PaymentsTable,
  ProductsTable,
} from './tables/orders.ts';
import type {
  RefundsTable,
  ReturnLabelsTable,
  ReturnLinesTable,
  ReturnsTable,
  StoreCreditCodesTable,
  StoreCreditEntriesTable,
} from './tables/returns.ts';
import type {
  ApiTokensTable,
  ExchangeRatesTable,
  GuessCountersTable,
  IdempotencyKeysTable,
  JobsTable,
  MessageTemplatesTable,
  PoliciesTable,
  RateLimitsTable,
  SecurityEventsTable,
  SessionsTable,
  StoresTable,
  UsersTable,
} from './tables/stores.ts';
import type {
  SupplierClaimEventsTable,
  SupplierClaimLinesTable,
  SupplierClaimsTable,
  SupplierCreditsTable,
  SuppliersTable,
  SupplierTermsTable,
} from './tables/suppliers.ts';

export type * from './tables/cases.ts';
export type * from './tables/integrations.ts';
export type * from './tables/orders.ts';
export type * from './tables/returns.ts';
export type * from './tables/stores.ts';
export type * from './tables/suppliers.ts';

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
