-- The customer portal shows the store's logo and brand colour, and a picture of each item. Both
-- optional: without them the portal keeps its own colours and shows a neutral placeholder.
ALTER TABLE products ADD COLUMN image_url text;
ALTER TABLE stores ADD COLUMN logo_url text;
ALTER TABLE stores ADD COLUMN brand_color text CHECK (brand_color ~ '^#[0-9a-f]{6}$');
