-- The database refuses a return status outside the lifecycle, whoever writes it.
ALTER TABLE cases ADD CONSTRAINT cases_return_status CHECK (
  kind <> 'return'
  OR status IN ('requested', 'approved', 'rejected', 'canceled', 'in_transit', 'received', 'inspected', 'completed')
);
