-- Analytics over a year of a large store (issue 12): the reports read the period's orders by
-- placement date and need only their id, currency and destination; with those in the index,
-- PostgreSQL answers from the index alone (an index-only scan, once vacuum has marked the pages
-- all-visible) instead of reading whole order rows (shipping address and all). Same key as before,
-- so every query that used orders_placed still can.
DROP INDEX orders_placed;
CREATE INDEX orders_placed ON orders (store_id, placed_at) INCLUDE (id, currency, destination_country);

-- Returned units leave out refused returns (rejected, canceled): a few percent of cases. Reports
-- drop them with an anti-join against this small index instead of joining every case to test its
-- status. (Only returns have these statuses: cases_other_status.)
CREATE INDEX cases_refused ON cases (id) WHERE status IN ('rejected', 'canceled');
