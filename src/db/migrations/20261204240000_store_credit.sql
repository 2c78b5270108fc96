-- Store credit that can be spent: every grant is a code (SC-XXXX-XXXX) the customer types at the
-- store's checkout, and every movement an entry of the ledger (grant, redeem, void, reversal). A
-- code's balance is the sum of its entries; its row is locked while one is spent, so it never goes
-- below zero. Credit granted before codes existed gets a code of its own here.
CREATE TABLE store_credit_codes (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  code text NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers(id),
  currency char(3) NOT NULL,
  case_id uuid REFERENCES cases(id),
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  voided_at timestamptz,
  UNIQUE (store_id, code)
);
CREATE INDEX store_credit_codes_customer ON store_credit_codes (store_id, customer_id);

ALTER TABLE store_credit_entries ADD COLUMN code_id uuid REFERENCES store_credit_codes(id);
ALTER TABLE store_credit_entries ADD COLUMN entry_type text NOT NULL DEFAULT 'grant'
  CHECK (entry_type IN ('grant', 'redeem', 'void', 'reversal'));
ALTER TABLE store_credit_entries ADD COLUMN reference text;
-- a redemption (or reversal) sent twice by a checkout is recorded once
ALTER TABLE store_credit_entries ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX store_credit_entries_key ON store_credit_entries (store_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX store_credit_entries_code ON store_credit_entries (code_id);

INSERT INTO store_credit_codes (store_id, id, code, customer_id, currency, case_id, note, created_at)
SELECT store_id, id, 'SC-' || upper(substr(md5(id::text), 1, 4)) || '-' || upper(substr(md5(id::text), 5, 4)),
       customer_id, currency, case_id, note, created_at
FROM store_credit_entries WHERE amount > 0 AND code_id IS NULL;
UPDATE store_credit_entries SET code_id = id WHERE amount > 0 AND code_id IS NULL;
