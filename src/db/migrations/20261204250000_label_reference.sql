-- A carrier's label (EasyPost) keeps the carrier's shipment id, to void it while unused, what it
-- cost the store, and when it was voided.
ALTER TABLE return_labels ADD COLUMN carrier_reference text;
ALTER TABLE return_labels ADD COLUMN cost bigint;
ALTER TABLE return_labels ADD COLUMN cost_currency char(3);
ALTER TABLE return_labels ADD COLUMN voided_at timestamptz;
