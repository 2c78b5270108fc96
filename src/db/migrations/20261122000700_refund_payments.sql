-- The worker leases a job for a while instead of holding its row lock (and a transaction) over the
-- provider call: a worker that dies mid-call leaves the job to be taken again once the lease ends.
ALTER TABLE jobs ADD COLUMN locked_until timestamptz;

-- Which of the order's payments (payments.position) a refund goes back to. A refund that exceeds
-- what one payment can take is split into one refund per payment. Refunds from before this column
-- went to the first payment and stay null. No foreign key: replacing an order rewrites its payments.
ALTER TABLE refunds ADD COLUMN payment_position integer;
