-- Evidence bytes move out of the database to the file store (src/integrations/storage): new rows
-- keep only metadata and the file's storage key; rows written before keep their bytes in `data`
-- and stay readable.
ALTER TABLE case_evidence ALTER COLUMN data DROP NOT NULL;
ALTER TABLE case_evidence ADD COLUMN storage_key text;
ALTER TABLE case_evidence ADD CONSTRAINT case_evidence_has_bytes CHECK (data IS NOT NULL OR storage_key IS NOT NULL);
