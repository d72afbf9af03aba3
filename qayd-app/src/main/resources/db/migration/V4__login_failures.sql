-- Failed dashboard log-ins, to slow down password guessing across all replicas (see LoginThrottle).
create table login_failure (
    email     varchar(254) not null,
    failed_at timestamptz  not null
);
create index login_failure_email on login_failure (email, failed_at);
