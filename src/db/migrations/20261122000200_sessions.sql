-- Staff sign-in sessions for the console: the cookie holds a random token, only its SHA-256 is kept.
CREATE TABLE sessions (
  store_id uuid NOT NULL REFERENCES stores(id),
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (store_id, user_id);
