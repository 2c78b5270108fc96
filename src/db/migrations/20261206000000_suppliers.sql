-- The dropshipping supplier loop. A supplier's return terms are data, versioned like the policy
-- (suppliers.return_terms holds the version in force, supplier_terms every version). Claims group a
-- supplier's faulty units, each line once; credits and replacements the supplier gave are recorded
-- against claims, once per supplier reference. What a product costs the store comes from the
-- catalogue (unit_cost), in the currency the supplier bills.
ALTER TABLE suppliers ADD COLUMN terms_version integer NOT NULL DEFAULT 0;
ALTER TABLE suppliers ADD COLUMN email text;
CREATE TABLE supplier_terms (
  store_id uuid NOT NULL,
  supplier_id uuid NOT NULL REFERENCES suppliers(id),
  version integer NOT NULL,
  document jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (supplier_id, version)
);

ALTER TABLE products ADD COLUMN unit_cost bigint CHECK (unit_cost >= 0);
ALTER TABLE products ADD COLUMN unit_cost_currency char(3);

CREATE TABLE supplier_claims (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  number text NOT NULL,
  supplier_id uuid NOT NULL REFERENCES suppliers(id),
  status text NOT NULL CHECK (status IN
    ('draft', 'sent', 'acknowledged', 'accepted', 'partly_accepted', 'rejected', 'credited')),
  currency char(3) NOT NULL,
  -- the earliest day by which the supplier's terms want the claim, from its lines
  deadline date,
  claimed_amount bigint NOT NULL DEFAULT 0 CHECK (claimed_amount >= 0),
  accepted_amount bigint CHECK (accepted_amount >= 0),
  credited_amount bigint NOT NULL DEFAULT 0 CHECK (credited_amount >= 0),
  supplier_reference text,
  note text NOT NULL DEFAULT '',
  sent_at timestamptz,
  acknowledged_at timestamptz,
  decided_at timestamptz,
  credited_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, number)
);
CREATE INDEX supplier_claims_supplier ON supplier_claims (store_id, supplier_id, status);

CREATE TABLE supplier_claim_lines (
  store_id uuid NOT NULL,
  claim_id uuid NOT NULL REFERENCES supplier_claims(id) ON DELETE CASCADE,
  id uuid PRIMARY KEY,
  -- return_line: an inspected seller-fault return line; case: an item problem or lost parcel; manual
  source text NOT NULL CHECK (source IN ('return_line', 'case', 'manual')),
  case_id uuid REFERENCES cases(id),
  order_id uuid REFERENCES orders(id),
  line_id text,
  sku text,
  description text NOT NULL,
  reason text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  amount bigint NOT NULL CHECK (amount >= 0),
  accepted_amount bigint CHECK (accepted_amount >= 0),
  -- the supplier's position when the line was claimed (terms version, until when), and the evidence
  -- it carries (the case's photos by id, the inspection's grade and checklist)
  position jsonb NOT NULL DEFAULT '{}',
  evidence jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
-- a unit is claimed once: one claim line per case and order line (a whole case: line_id '')
CREATE UNIQUE INDEX supplier_claim_lines_once ON supplier_claim_lines (store_id, case_id, (coalesce(line_id, '')))
  WHERE case_id IS NOT NULL;
CREATE INDEX supplier_claim_lines_claim ON supplier_claim_lines (claim_id);

CREATE TABLE supplier_claim_events (
  store_id uuid NOT NULL,
  id bigserial PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES supplier_claims(id) ON DELETE CASCADE,
  type text NOT NULL,
  actor text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supplier_claim_events_claim ON supplier_claim_events (claim_id, at);

CREATE TABLE supplier_credits (
  store_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  supplier_id uuid NOT NULL REFERENCES suppliers(id),
  claim_id uuid REFERENCES supplier_claims(id),
  kind text NOT NULL CHECK (kind IN ('credit', 'replacement', 'refund')),
  -- credit and refund: money in the supplier's currency; replacement: the units' value at cost
  amount bigint NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  units integer NOT NULL DEFAULT 0 CHECK (units >= 0),
  -- the supplier's own reference (credit note number): the same reference is one credit, never two
  reference text NOT NULL,
  received_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, supplier_id, reference)
);
CREATE INDEX supplier_credits_received ON supplier_credits (store_id, received_on);
