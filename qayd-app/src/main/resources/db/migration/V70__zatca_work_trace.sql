-- The W3C trace context of the request that made the work due (from its event's metadata): the worker's
-- span for the ZATCA calls continues that request's trace. Null for work queued before tracing.
alter table zatca_work add column traceparent varchar(128);
