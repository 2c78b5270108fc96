// Cases of every kind, their lines, replacements, events, messages, evidence, surveys, reviews and
// EU withdrawals.
import type { ColumnType, Generated } from 'kysely';
import type { Instant, InstantDefault, Json, JsonDefault } from './columns.ts';

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
