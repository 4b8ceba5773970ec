-- Per-message headers: a publish may add delivery headers of its own (credentials among them
-- sealed, as an endpoint's are), sent after the endpoint's and before the signature headers.
ALTER TABLE messages ADD COLUMN headers TEXT;
