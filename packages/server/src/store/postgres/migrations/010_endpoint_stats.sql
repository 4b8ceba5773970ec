-- Endpoint health (success rate, p50 latency, last error over 24 h) reads an endpoint's newest attempts.
CREATE INDEX attempts_endpoint ON attempts (endpoint_id, created_at);
