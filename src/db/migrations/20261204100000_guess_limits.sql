-- Guessing limits per target (a staff email's password, an order's portal lookup), kept here so
-- every process counts the same attempts (src/domain/guessing.ts). A sign-in names no store, so its
-- counter is per email across stores (store_id NULL); a lookup's is per store and order number.
CREATE TABLE guess_counters (
  subject text PRIMARY KEY,
  store_id uuid REFERENCES stores(id),
  attempts integer NOT NULL DEFAULT 0,
  last_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

-- What the store's owner should know about: an account or an order locked by guessing, ...
CREATE TABLE security_events (
  store_id uuid NOT NULL REFERENCES stores(id),
  id bigserial PRIMARY KEY,
  type text NOT NULL,
  subject text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_events_store ON security_events (store_id, id);
