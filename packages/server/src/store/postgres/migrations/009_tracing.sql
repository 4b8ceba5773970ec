-- Tracing: a message keeps the traceparent of the request that published it, so each delivery
-- attempt's span links back to it (NULL when tracing was off); an endpoint may opt in to
-- receiving a traceparent header with its deliveries.
ALTER TABLE messages ADD COLUMN trace_context TEXT;
ALTER TABLE endpoints ADD COLUMN trace_propagation INTEGER NOT NULL DEFAULT 0;
