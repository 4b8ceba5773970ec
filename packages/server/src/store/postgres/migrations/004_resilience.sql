-- Back-pressure: an endpoint that answered 429/503 with Retry-After (or kept timing out) is not
-- claimed for until throttled_until; throttle_reason says why.
ALTER TABLE endpoints ADD COLUMN throttled_until BIGINT;
ALTER TABLE endpoints ADD COLUMN throttle_reason TEXT;
