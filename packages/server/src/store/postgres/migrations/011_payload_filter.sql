-- Payload filters: an endpoint may receive only the messages of its event types whose payload
-- matches a filter (delivery/payload-filter.ts), decided at publish. NULL: every message.
ALTER TABLE endpoints ADD COLUMN payload_filter TEXT;
