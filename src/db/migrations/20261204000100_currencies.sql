-- Money in every currency (issue: the policy's amounts said no currency).
-- A store's exchange rates, one per pair and day, entered or imported from CSV, never fetched.
CREATE TABLE exchange_rates (
  store_id uuid NOT NULL REFERENCES stores(id),
  day date NOT NULL,
  base char(3) NOT NULL,
  quote char(3) NOT NULL,
  -- 1 base = rate quote
  rate numeric(30, 12) NOT NULL CHECK (rate > 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, base, quote, day),
  CHECK (base <> quote)
);

-- Catalogue prices per currency beside the base price (`{"RUB": 450000}`); other currencies convert.
ALTER TABLE products ADD COLUMN prices jsonb NOT NULL DEFAULT '{}';

-- Every saved policy names the currency of its amounts: the versions saved before it could are in
-- the store's currency, which is what they meant.
UPDATE policies p SET document = jsonb_set(p.document, '{currency}', to_jsonb(s.currency::text))
  FROM stores s
 WHERE s.id = p.store_id AND NOT (p.document ? 'currency');
