-- Every after-sales case that is not a return lives on `cases` too: its kind's data, the lines it
-- concerns, how it was resolved, the replacement order it made. An order line counts what was
-- cancelled before shipment; a fulfillment may say where it left from (the route's lost threshold).

ALTER TABLE cases ADD COLUMN data jsonb NOT NULL DEFAULT '{}';
ALTER TABLE cases ADD COLUMN resolution jsonb;
ALTER TABLE cases ADD COLUMN offer jsonb;
ALTER TABLE cases ADD COLUMN replacement_order_id uuid REFERENCES orders(id);
-- a case the system opens by itself (a parcel past its threshold) carries a key, so it opens once
ALTER TABLE cases ADD COLUMN dedupe_key text;
CREATE UNIQUE INDEX cases_dedupe ON cases (store_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
-- the dispute queue sorts by the evidence due date; a provider's dispute id opens one case only
CREATE INDEX cases_dispute_due ON cases (store_id, ((data->>'evidence_due_by'))) WHERE kind = 'dispute';
CREATE UNIQUE INDEX cases_provider_dispute ON cases (store_id, (data->>'provider'), (data->>'provider_dispute_id'))
  WHERE kind = 'dispute' AND data->>'provider_dispute_id' IS NOT NULL;

ALTER TABLE cases ADD CONSTRAINT cases_other_status CHECK (
  kind = 'return'
  OR status IN ('open', 'waiting_customer', 'waiting_carrier', 'submitted', 'resolved', 'closed', 'won', 'lost')
);

CREATE TABLE case_lines (
  store_id uuid NOT NULL,
  case_id uuid NOT NULL REFERENCES cases(id),
  order_id uuid NOT NULL,
  line_id text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (case_id, line_id),
  FOREIGN KEY (order_id, line_id) REFERENCES order_lines(order_id, line_id)
);
CREATE INDEX case_lines_order ON case_lines (store_id, order_id, line_id);

ALTER TABLE order_lines ADD COLUMN cancelled_quantity integer NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_cancelled CHECK (cancelled_quantity >= 0 AND cancelled_quantity <= quantity);

ALTER TABLE fulfillments ADD COLUMN origin_country char(2);

-- A replacement order (a reship, an exchange's new item) is an order of its own, linked to the case
-- that made it and the order it replaces; what it cost the store and any price difference the
-- customer owes before it ships.
CREATE TABLE replacements (
  store_id uuid NOT NULL,
  order_id uuid PRIMARY KEY REFERENCES orders(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  source_order_id uuid NOT NULL REFERENCES orders(id),
  status text NOT NULL CHECK (status IN ('awaiting_payment', 'ready', 'shipped', 'delivered', 'canceled')),
  currency char(3) NOT NULL,
  cost bigint NOT NULL DEFAULT 0 CHECK (cost >= 0),
  -- what the customer owes for a dearer exchange item (0: nothing), and how it was settled
  due_amount bigint NOT NULL DEFAULT 0 CHECK (due_amount >= 0),
  due_settled_by text,
  due_reference text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX replacements_case ON replacements (store_id, case_id);
CREATE INDEX replacements_source ON replacements (store_id, source_order_id);
