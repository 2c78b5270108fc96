-- Core schema: stores, people, catalogue, orders, after-sales cases (returns first), money out,
-- idempotency, policies and the job outbox. Every table carries store_id; keys are unique per store.

CREATE TABLE stores (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  currency char(3) NOT NULL,
  time_zone text NOT NULL,
  languages text[] NOT NULL DEFAULT '{en}',
  return_address jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner','agent','warehouse','finance','read_only')),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, email)
);

CREATE TABLE api_tokens (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner','agent','warehouse','finance','read_only')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE customers (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text,
  phone text,
  country char(2),
  language text,
  time_zone text,
  segments text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, email)
);

CREATE TABLE suppliers (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  country char(2),
  return_terms jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, code)
);

CREATE TABLE products (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  sku text NOT NULL,
  product_group text,
  title text NOT NULL,
  variant text,
  category text,
  price bigint NOT NULL CHECK (price >= 0),
  currency char(3) NOT NULL,
  weight_grams integer,
  flags text[] NOT NULL DEFAULT '{}',
  supplier_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, sku)
);

CREATE TABLE orders (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  external_id text,
  number text NOT NULL,
  channel text NOT NULL,
  currency char(3) NOT NULL,
  placed_at timestamptz NOT NULL,
  return_terms_disclosed boolean NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers(id),
  customer_language text,
  customer_time_zone text,
  customer_segments text[] NOT NULL DEFAULT '{}',
  shipping_address jsonb NOT NULL,
  destination_country char(2) NOT NULL,
  discounts jsonb NOT NULL DEFAULT '[]',
  shipping_amount bigint NOT NULL,
  shipping_tax bigint NOT NULL,
  total_amount bigint NOT NULL,
  paid_amount bigint NOT NULL,
  -- Maintained under the order's row lock by every refund; the CHECK is the last line of defence
  -- against paying back more than was paid.
  refunded_amount bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (refunded_amount >= 0 AND refunded_amount <= paid_amount),
  UNIQUE (store_id, external_id)
);
CREATE INDEX orders_number ON orders (store_id, number);
CREATE INDEX orders_customer ON orders (store_id, customer_id);
CREATE INDEX orders_placed ON orders (store_id, placed_at);

CREATE TABLE order_lines (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES orders(id),
  line_id text NOT NULL,
  position integer NOT NULL,
  sku text NOT NULL,
  title text NOT NULL,
  variant text,
  category text,
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  supplier text,
  no_reason_return_waived boolean NOT NULL DEFAULT false,
  PRIMARY KEY (order_id, line_id)
);
CREATE INDEX order_lines_sku ON order_lines (store_id, sku);

CREATE TABLE payments (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES orders(id),
  position integer NOT NULL,
  provider text NOT NULL,
  reference text,
  amount bigint NOT NULL,
  PRIMARY KEY (order_id, position)
);

CREATE TABLE fulfillments (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES orders(id),
  fulfillment_id text NOT NULL,
  carrier text,
  tracking_number text,
  shipped_at timestamptz,
  delivered_at timestamptz,
  lines jsonb NOT NULL,
  PRIMARY KEY (order_id, fulfillment_id)
);
CREATE INDEX fulfillments_tracking ON fulfillments (store_id, tracking_number);

-- After-sales cases: the general object. A return is the first kind; address changes,
-- cancellations, lost parcels and claims add kinds and detail tables, not a new case model.
CREATE TABLE cases (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  number text NOT NULL,
  status text NOT NULL,
  order_id uuid NOT NULL REFERENCES orders(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  sla_due_at timestamptz,
  assignee_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  UNIQUE (store_id, number)
);
CREATE INDEX cases_queue ON cases (store_id, kind, status, created_at, id);
CREATE INDEX cases_order ON cases (store_id, order_id);

CREATE TABLE case_events (
  store_id uuid NOT NULL,
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  type text NOT NULL,
  from_status text,
  to_status text,
  actor text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_messages (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  direction text NOT NULL CHECK (direction IN ('in','out','internal')),
  channel text NOT NULL,
  author text NOT NULL,
  body text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_messages_case ON case_messages (case_id, at);

CREATE TABLE case_evidence (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  line_id text,
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evidence_case ON case_evidence (case_id);

CREATE TABLE returns (
  store_id uuid NOT NULL,
  case_id uuid PRIMARY KEY REFERENCES cases(id),
  method text NOT NULL,
  resolution jsonb NOT NULL,
  policy_version integer NOT NULL,
  decision jsonb NOT NULL,
  refund jsonb NOT NULL,
  auto_approved boolean NOT NULL DEFAULT false,
  refund_due_at timestamptz,
  reject_reason text,
  reject_message text,
  result jsonb,
  requested_at timestamptz NOT NULL,
  approved_at timestamptz,
  received_at timestamptz,
  inspected_at timestamptz,
  completed_at timestamptz
);

CREATE TABLE return_lines (
  store_id uuid NOT NULL,
  case_id uuid NOT NULL REFERENCES returns(case_id),
  order_id uuid NOT NULL,
  line_id text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  reason text NOT NULL,
  note text NOT NULL DEFAULT '',
  opened boolean NOT NULL DEFAULT false,
  decision jsonb NOT NULL,
  received_quantity integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0 AND received_quantity <= quantity),
  grade text,
  checklist jsonb,
  disposition text,
  deduction_amount bigint NOT NULL DEFAULT 0 CHECK (deduction_amount >= 0),
  deduction_reason text,
  PRIMARY KEY (case_id, line_id),
  FOREIGN KEY (order_id, line_id) REFERENCES order_lines(order_id, line_id)
);
CREATE INDEX return_lines_order ON return_lines (store_id, order_id, line_id);

CREATE TABLE return_labels (
  store_id uuid NOT NULL,
  case_id uuid PRIMARY KEY REFERENCES returns(case_id),
  carrier text NOT NULL,
  tracking_number text,
  label_pdf bytea,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refunds (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  case_id uuid REFERENCES cases(id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  provider text NOT NULL,
  provider_reference text,
  status text NOT NULL CHECK (status IN ('pending','requires_action','succeeded','failed')),
  idempotency_key text NOT NULL,
  breakdown jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, idempotency_key)
);
CREATE INDEX refunds_order ON refunds (store_id, order_id);

CREATE TABLE store_credit_entries (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  amount bigint NOT NULL,
  currency char(3) NOT NULL,
  case_id uuid REFERENCES cases(id),
  note text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX store_credit_customer ON store_credit_entries (store_id, customer_id);

CREATE TABLE idempotency_keys (
  store_id uuid NOT NULL,
  key text NOT NULL,
  route text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, key)
);

CREATE TABLE policies (
  store_id uuid NOT NULL REFERENCES stores(id),
  version integer NOT NULL,
  document jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, version)
);

-- Transactional outbox: written in the same transaction as the change that needs it, read by the
-- worker with FOR UPDATE SKIP LOCKED, so a crash can neither lose nor double a job.
CREATE TABLE jobs (
  store_id uuid NOT NULL,
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  done_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE done_at IS NULL;
