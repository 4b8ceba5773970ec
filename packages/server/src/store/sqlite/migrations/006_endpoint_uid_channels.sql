-- Endpoints get a uid of the caller's choosing (unique in their application while they exist;
-- deleting one frees it), and both endpoints and messages get channels: an endpoint that lists
-- channels receives only messages sharing one of them; one that lists none receives every message
-- its event-type filter lets through (the Svix semantics, so the Svix surface maps onto them).
ALTER TABLE endpoints ADD COLUMN uid TEXT;
ALTER TABLE endpoints ADD COLUMN channels TEXT;
ALTER TABLE messages ADD COLUMN channels TEXT;
CREATE UNIQUE INDEX endpoints_app_uid ON endpoints (app_id, uid) WHERE uid IS NOT NULL AND deleted_at IS NULL;
