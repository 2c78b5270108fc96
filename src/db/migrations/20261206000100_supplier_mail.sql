-- The conversation with a supplier about a claim lives where every other conversation does: in
-- case_messages (the outbox and the written record), tied to the claim instead of a case or order.
-- Mail out goes through the same sender job; a supplier's reply threads back onto the claim by its
-- In-Reply-To/References.
ALTER TABLE case_messages ADD COLUMN supplier_claim_id uuid REFERENCES supplier_claims(id) ON DELETE CASCADE;
ALTER TABLE case_messages DROP CONSTRAINT case_messages_about;
ALTER TABLE case_messages ADD CONSTRAINT case_messages_about
  CHECK (case_id IS NOT NULL OR order_id IS NOT NULL OR supplier_claim_id IS NOT NULL);
CREATE INDEX case_messages_claim ON case_messages (supplier_claim_id, at) WHERE supplier_claim_id IS NOT NULL;
