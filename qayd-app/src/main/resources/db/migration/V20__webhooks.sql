-- Webhooks (sa.qayd.query.webhook). Registrations are account configuration, not tax facts, so they
-- live here rather than in the event store; deliveries are an outbox filled by the "webhooks"
-- event processor and emptied by the delivery worker of any replica.

create table webhook (
    webhook_id  uuid          not null primary key,
    account_id  uuid          not null,
    environment varchar(16)   not null,
    url         varchar(2048) not null,
    event_types text[]        not null,
    description varchar(500),
    -- readable to sign every delivery, so encrypted with the master key rather than hashed (see WebhookSecret)
    sealed_secret bytea       not null,
    created_at  timestamptz   not null,
    deleted_at  timestamptz
);
create index webhook_subscribers on webhook (account_id, environment) where deleted_at is null;

-- What the outcome events of an invoice or unit do not carry (environment, unit, number), remembered
-- from the events that created them; rebuilt by a replay of the "webhooks" processor.
create table webhook_invoice (
    invoice_id     uuid         not null primary key,
    account_id     uuid         not null,
    environment    varchar(16)  not null,
    egs_unit_id    uuid         not null,
    invoice_number varchar(127) not null,
    kind           varchar(16)  not null,
    document_type  varchar(16)  not null
);

create table webhook_egs_unit (
    egs_unit_id uuid         not null primary key,
    account_id  uuid         not null,
    environment varchar(16)  not null,
    name        varchar(200) not null
);

create table webhook_delivery (
    delivery_id      uuid         not null primary key,
    -- the order deliveries were created in; one subject's deliveries go out in this order
    position         bigserial    not null unique,
    webhook_id       uuid         not null references webhook (webhook_id),
    event_id         varchar(255) not null,
    event_type       varchar(32)  not null,
    -- the invoice or EGS unit the event is about
    subject_id       uuid         not null,
    -- the exact bytes that are signed and sent
    payload          text         not null,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    retrying_since   timestamptz  not null,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(1000),
    delivered_at     timestamptz,
    created_at       timestamptz  not null,
    -- an event reprocessed after a crash or taken from the dead-letter queue is not sent twice
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subject on webhook_delivery (webhook_id, subject_id, position) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (webhook_id, position desc);
