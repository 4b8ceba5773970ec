-- What a publish looks up (API keys, applications, event types) is cached per process; every
-- change to those rows counts up its tenant's config_version, in the same transaction, and a
-- cached lookup is used only while the version it was read at is still the current one.
ALTER TABLE tenants ADD COLUMN config_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER api_keys_config_insert AFTER INSERT ON api_keys BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id = NEW.tenant_id; END;
CREATE TRIGGER api_keys_config_update AFTER UPDATE ON api_keys BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id IN (OLD.tenant_id, NEW.tenant_id); END;
CREATE TRIGGER api_keys_config_delete AFTER DELETE ON api_keys BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id = OLD.tenant_id; END;
CREATE TRIGGER applications_config_insert AFTER INSERT ON applications BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id = NEW.tenant_id; END;
CREATE TRIGGER applications_config_update AFTER UPDATE ON applications BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id IN (OLD.tenant_id, NEW.tenant_id); END;
CREATE TRIGGER applications_config_delete AFTER DELETE ON applications BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id = OLD.tenant_id; END;
CREATE TRIGGER event_types_config_insert AFTER INSERT ON event_types BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id = NEW.tenant_id; END;
CREATE TRIGGER event_types_config_update AFTER UPDATE ON event_types BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id IN (OLD.tenant_id, NEW.tenant_id); END;
CREATE TRIGGER event_types_config_delete AFTER DELETE ON event_types BEGIN UPDATE tenants SET config_version = config_version + 1 WHERE id = OLD.tenant_id; END;
