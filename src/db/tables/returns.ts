// Returns with their lines and labels, refunds, and store credit.
import type { ColumnType, Generated } from 'kysely';
import type { Instant, InstantDefault, Json } from './columns.ts';

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
