-- Log-in throttling per e-mail address and client address (see LoginThrottle): an attempt is counted
-- before its password is checked, in one statement, so parallel guesses cannot all slip through;
-- past the limit the pair backs off for a time that doubles with every further attempt. A stranger
-- failing from elsewhere only slows themselves down.
drop table login_failure;
create table login_throttle (
    email           varchar(254) not null,
    source          varchar(64)  not null,
    attempts        integer      not null,
    last_attempt_at timestamptz  not null,
    blocked_until   timestamptz,
    primary key (email, source)
);
create index login_throttle_last_attempt on login_throttle (last_attempt_at);
