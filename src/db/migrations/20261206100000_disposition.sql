-- Disposition by cost. A store's cost tables (labels per route and weight band, handling, resale and
-- liquidation values per grade, re-export losses) are one JSON document validated by
-- domain/suppliers/disposition-costs.ts; null means the store has none yet. Per inspected line: the
-- route chosen, what it was expected to cost (and what was recommended, with every option as the
-- warehouse saw them), the actual cost once known, and where restocked or refurbished units wait to be
-- put away.
ALTER TABLE stores ADD COLUMN disposition_costs jsonb;

ALTER TABLE return_lines ADD COLUMN disposition_recommended text;
ALTER TABLE return_lines ADD COLUMN disposition_expected_cost bigint;
ALTER TABLE return_lines ADD COLUMN disposition_cost_currency char(3);
ALTER TABLE return_lines ADD COLUMN disposition_options jsonb;
ALTER TABLE return_lines ADD COLUMN disposition_actual_cost bigint;
ALTER TABLE return_lines ADD COLUMN disposition_actual_currency char(3);
ALTER TABLE return_lines ADD COLUMN disposition_actual_note text;
ALTER TABLE return_lines ADD COLUMN location text;
ALTER TABLE return_lines ADD COLUMN put_away_at timestamptz;
ALTER TABLE return_lines ADD COLUMN put_away_by text;

-- the put-away list: restocked or refurbished units not yet on their shelf
CREATE INDEX return_lines_put_away ON return_lines (store_id, location)
  WHERE disposition IN ('restock', 'refurbish') AND put_away_at IS NULL;
