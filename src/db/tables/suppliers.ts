// Suppliers, their return terms, claims against them and the credits they give.
import type { ColumnType, Generated } from 'kysely';
import type { InstantDefault, Json, JsonDefault } from './columns.ts';

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
