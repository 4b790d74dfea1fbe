-- Every Clearway process keeps a valid API token's row for a few seconds (lib/auth/token-actor-cache.ts).
-- A token revoked, changed or deleted, by whichever code path, is announced to every process at commit,
-- so each forgets it at once.
CREATE FUNCTION notify_api_token_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('clearway_api_token_changed', OLD.id::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER api_token_changed
  AFTER UPDATE OF revoked_at, expires_at, scopes, name, company_id, created_by_id OR DELETE ON api_token
  FOR EACH ROW EXECUTE FUNCTION notify_api_token_changed();
