-- Transformations: JavaScript run in the sandbox before each attempt (delivery/transformation.ts).
-- NULL: deliveries go out as published.
ALTER TABLE endpoints ADD COLUMN transformation TEXT;
