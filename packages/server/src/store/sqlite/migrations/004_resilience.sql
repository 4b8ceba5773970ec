-- Back-pressure: an endpoint that answered 429/503 with Retry-After (or kept timing out) is not
-- claimed for until throttled_until; throttle_reason says why.
ALTER TABLE endpoints ADD COLUMN throttled_until INTEGER;
ALTER TABLE endpoints ADD COLUMN throttle_reason TEXT;

-- Readiness writes one row here: a store that cannot write (disk full, read-only, locked) is not ready.
CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);
