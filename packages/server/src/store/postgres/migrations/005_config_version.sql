-- What a publish looks up (API keys, applications, event types) is cached per process; every
-- change to those rows counts up its tenant's config_version, in the same transaction, and a
-- cached lookup is used only while the version it was read at is still the current one.
ALTER TABLE tenants ADD COLUMN config_version BIGINT NOT NULL DEFAULT 0;

-- The body is one line: the migration runner splits statements at a ';' that ends a line.
CREATE FUNCTION herald_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE tenants SET config_version = config_version + 1 WHERE id = OLD.tenant_id; END IF; IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.tenant_id IS DISTINCT FROM OLD.tenant_id) THEN UPDATE tenants SET config_version = config_version + 1 WHERE id = NEW.tenant_id; END IF; RETURN NULL; END
$$;

CREATE TRIGGER api_keys_config AFTER INSERT OR UPDATE OR DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION herald_config_changed();
CREATE TRIGGER applications_config AFTER INSERT OR UPDATE OR DELETE ON applications FOR EACH ROW EXECUTE FUNCTION herald_config_changed();
CREATE TRIGGER event_types_config AFTER INSERT OR UPDATE OR DELETE ON event_types FOR EACH ROW EXECUTE FUNCTION herald_config_changed();
