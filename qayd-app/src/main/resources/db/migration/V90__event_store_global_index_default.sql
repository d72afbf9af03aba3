-- The event store is written through Axon's JDBC storage engine: a batch of inserts per unit of work,
-- with the global index taken from the sequence by the insert itself (no `select nextval` round trip
-- per event, as Hibernate needed). Numbers still come one at a time from the same sequence.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
