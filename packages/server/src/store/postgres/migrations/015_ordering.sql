-- Ordered delivery: an endpoint may take its deliveries one at a time per ordering key, in publish
-- order (ordering_seq: the delivery id at publish, a later one when resent). ordering_seq is set
-- only for ordered endpoints, so the indexes below hold only their unfinished deliveries.
ALTER TABLE endpoints ADD COLUMN ordering TEXT NOT NULL DEFAULT 'unordered';
ALTER TABLE endpoints ADD COLUMN ordering_failure TEXT NOT NULL DEFAULT 'continue';
ALTER TABLE messages ADD COLUMN ordering_key TEXT;
ALTER TABLE deliveries ADD COLUMN ordering_key TEXT NOT NULL DEFAULT '';
ALTER TABLE deliveries ADD COLUMN ordering_seq TEXT;
-- The claim's scan of an ordered endpoint's due deliveries, oldest first…
CREATE INDEX deliveries_fifo_due ON deliveries (endpoint_id, ordering_seq) WHERE status = 'pending' AND ordering_seq IS NOT NULL;
-- …and its check that nothing earlier of the same key is unfinished.
CREATE INDEX deliveries_fifo_line ON deliveries (endpoint_id, ordering_key, ordering_seq)
  WHERE ordering_seq IS NOT NULL AND status IN ('pending', 'delivering', 'failed');
