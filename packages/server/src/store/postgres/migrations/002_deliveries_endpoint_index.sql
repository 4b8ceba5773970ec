-- The per-endpoint index of deliveries held (endpoint_id, status, updated_at): every claim and
-- every recorded attempt changes status and updated_at, so each moved its entry twice per
-- delivery. No query reads updated_at through it; per-endpoint listings go by id, and ids never
-- change, so this index is written once, at publish.
DROP INDEX deliveries_endpoint;
CREATE INDEX deliveries_endpoint ON deliveries (endpoint_id, id);
