-- Free-form tags that policy rules match on (`when.tags`): the order's own, the catalogue product's,
-- and the product tags an order line carried when the order came in. Normalised by the API
-- (trimmed, lower case, each once), so the database stores them as given.
ALTER TABLE orders ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
ALTER TABLE order_lines ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
ALTER TABLE products ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
