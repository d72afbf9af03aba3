-- Read models fed by event processors; every one can be dropped and rebuilt from the event store.

create table account_credential (
    account_id    uuid         not null primary key,
    email         varchar(254) not null unique,
    password_hash varchar(100) not null,
    company_name  varchar(200) not null,
    vat_number    varchar(15)  not null,
    registered_at timestamptz  not null
);

create table api_key_credential (
    api_key_id          uuid        not null primary key,
    account_id          uuid        not null,
    environment         varchar(16) not null,
    name                varchar(100) not null,
    secret_hash         char(64)    not null unique,
    masked_secret       varchar(40) not null,
    default_egs_unit_id uuid,
    issued_at           timestamptz not null,
    revoked_at          timestamptz
);
create index api_key_credential_account on api_key_credential (account_id, environment);

create table egs_unit_view (
    egs_unit_id       uuid         not null primary key,
    account_id        uuid         not null,
    environment       varchar(16)  not null,
    name              varchar(200) not null,
    onboarding_status varchar(16)  not null,
    identity          jsonb        not null,
    registered_at     timestamptz  not null,
    onboarded_at      timestamptz
);
create index egs_unit_view_account on egs_unit_view (account_id, environment);

-- Idempotency-Key records (see IdempotencyFilter); response_status is null while the first request runs.
create table idempotency_record (
    scope                 varchar(64)  not null,
    idempotency_key       varchar(255) not null,
    request_fingerprint   char(64)     not null,
    response_status       integer,
    response_content_type varchar(255),
    response_body         bytea,
    created_at            timestamptz  not null,
    primary key (scope, idempotency_key)
);
create index idempotency_record_created on idempotency_record (created_at);
