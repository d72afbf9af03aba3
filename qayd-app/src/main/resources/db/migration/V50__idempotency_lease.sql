-- An Idempotency-Key whose first request is still running holds a lease, renewed while it runs.
-- A process that died mid-request stops renewing, and the client's retry takes the key over once
-- the lease has run out, instead of being refused as "in progress" until the record expires.
-- Records in progress from before this column existed have no lease: they are free at once.
alter table idempotency_record add column lease_until timestamptz;
