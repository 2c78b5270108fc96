-- A job written wakes the job workers of every process (LISTEN aftersale_jobs), on commit, whatever
-- wrote it (enqueue, a statement that writes a job beside its row, a script): a trigger, so it costs
-- no round trip. PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION aftersale_jobs_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('aftersale_jobs', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER jobs_written AFTER INSERT ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION aftersale_jobs_written();
