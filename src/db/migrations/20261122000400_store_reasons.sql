-- A store's own return reason, kept beside the normalised reason it maps onto.
ALTER TABLE return_lines ADD COLUMN store_reason text;
