-- Staff users are deactivated, not deleted: their name stays on the timeline of what they did,
-- and a deactivated account can neither sign in nor keep a session.
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
