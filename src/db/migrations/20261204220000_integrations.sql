-- A store's connections to outside systems: non-secret settings in the clear, secrets sealed
-- (AES-256-GCM, src/integrations/secret-box.ts) and never shown back; and every webhook delivery
-- received, raw, by its delivery id (a replay changes nothing), with what applying it did.
CREATE TABLE integrations (
  store_id uuid NOT NULL REFERENCES stores(id),
  provider text NOT NULL CHECK (provider IN ('shopify', 'woocommerce', 'stripe', 'paypal', 'easypost')),
  base_url text,
  shop_domain text,
  -- the sealed JSON of {webhook_secret, api_key}; the names of the secrets set, for the console
  secrets text,
  secret_names text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, provider)
);

CREATE TABLE webhook_deliveries (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  provider text NOT NULL,
  delivery_id text NOT NULL,
  topic text NOT NULL,
  -- the object the delivery is about and the provider's time of that version, so an older
  -- update never overwrites a newer one
  object_id text,
  object_updated_at timestamptz,
  body text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  outcome text,
  error text,
  UNIQUE (store_id, provider, delivery_id)
);
CREATE INDEX webhook_deliveries_object ON webhook_deliveries (store_id, provider, object_id, object_updated_at);
CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (store_id, received_at DESC);
