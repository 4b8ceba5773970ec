-- Every delivery row referenced its application and endpoint, and every attempt its application:
-- each insert took a KEY SHARE lock on those few hot parent rows (one application, its endpoints),
-- so concurrent publishes and workers' outcomes queued behind each other's row locks and the
-- foreign-key checks were a third of a publish's INSERT (bench/README.md, issue 18). Deliveries
-- keep their message's key and attempts their delivery's: deleting an application still removes
-- its messages, and with them their deliveries and attempts (ON DELETE CASCADE), and endpoints are
-- only ever hard-deleted with their application. SQLite keeps these keys: its checks take no locks.
ALTER TABLE deliveries DROP CONSTRAINT IF EXISTS deliveries_app_id_fkey;
ALTER TABLE deliveries DROP CONSTRAINT IF EXISTS deliveries_endpoint_id_fkey;
ALTER TABLE attempts DROP CONSTRAINT IF EXISTS attempts_app_id_fkey;
