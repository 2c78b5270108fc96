-- Every process keeps the API tokens it has seen in memory (one query less per request). A token
-- changed or removed by anyone (a route, the CLI, another host) tells every process to forget them.
CREATE FUNCTION aftersale_tokens_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('aftersale_tokens', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER api_tokens_changed AFTER UPDATE OR DELETE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION aftersale_tokens_changed();
