-- Endpoint authentication: bearer, basic or OAuth2 client-credentials (secrets sealed), and a
-- client certificate (key sealed) with the CA the receiver must chain to. NULL: none.
ALTER TABLE endpoints ADD COLUMN auth TEXT;
ALTER TABLE endpoints ADD COLUMN tls TEXT;
