-- Which account (and environment) every aggregate belongs to, taken from its creation event, so the
-- audit stream can select an account's events straight from domain_event_entry, including events that
-- carry no account id. environment is null for the account aggregate itself (both environments).
create table audit_aggregate_owner (
    aggregate_identifier varchar(255) not null primary key,
    account_id           uuid         not null,
    environment          varchar(16)
);
create index audit_aggregate_owner_account on audit_aggregate_owner (account_id, aggregate_identifier);
