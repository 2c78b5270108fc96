-- Request rate limits (@fastify/rate-limit on sign-in, the portal's lookup, surveys), counted here so
-- every process and host counts the same hits: one row per route and client address, its count and
-- when its window ends. Not a store's data (a sign-in names no store yet), so no store_id. A window
-- that ended counts as absent; rows past their window are deleted now and then (http/rate-limit-store.ts).
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends timestamptz NOT NULL
);
CREATE INDEX rate_limits_window_ends ON rate_limits (window_ends);
