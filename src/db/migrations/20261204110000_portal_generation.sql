-- Portal links can be revoked: each link carries the order's generation when it was signed, and a
-- new lookup (or the store) moves the generation on, so every older link stops working.
ALTER TABLE orders ADD COLUMN portal_generation integer NOT NULL DEFAULT 0;
