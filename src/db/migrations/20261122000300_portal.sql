-- The customer portal: a per-store key that signs the customer's links, and the durable record of
-- each EU withdrawal declaration (Directive 2011/83/EU art. 11a: content, date and time).
ALTER TABLE stores ADD COLUMN portal_secret text;
UPDATE stores SET portal_secret = encode(sha256(gen_random_uuid()::text::bytea || clock_timestamp()::text::bytea), 'hex')
  WHERE portal_secret IS NULL;
ALTER TABLE stores ALTER COLUMN portal_secret SET NOT NULL;

CREATE TABLE withdrawals (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  case_id uuid REFERENCES cases(id),
  name text NOT NULL,
  email text NOT NULL,
  statement text NOT NULL,
  lines jsonb NOT NULL,
  language text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX withdrawals_order ON withdrawals (store_id, order_id);
