-- The refund-overdue queue looks up a completed return's refunds by case.
CREATE INDEX refunds_case ON refunds (store_id, case_id) WHERE case_id IS NOT NULL;
