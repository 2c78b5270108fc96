-- Signed webhooks out: the store's own systems subscribe an HTTPS endpoint to event types (an
-- unshipped order was cancelled: stop fulfilment; an address changed; a replacement order was made
-- ...). Each event is sent to each subscribed endpoint by a job, retried with backoff; every attempt
-- is kept for the console.
CREATE TABLE webhook_endpoints (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  url text NOT NULL,
  topics text[] NOT NULL,
  -- the signing secret, sealed (shown once, when the endpoint is made)
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- when sends began to fail without a success since; a day of it disables the endpoint
  failing_since timestamptz,
  disabled_at timestamptz,
  disabled_reason text
);
CREATE INDEX webhook_endpoints_store ON webhook_endpoints (store_id) WHERE disabled_at IS NULL;

CREATE TABLE webhook_sends (
  store_id uuid NOT NULL,
  id bigserial PRIMARY KEY,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id),
  event_id text NOT NULL,
  event_type text NOT NULL,
  -- the event as sent, so a person can send it again
  event jsonb NOT NULL,
  attempt integer NOT NULL,
  status_code integer,
  error text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_sends_endpoint ON webhook_sends (endpoint_id, id DESC);
