-- Events are what auditors get: no secret, no hash of one, and personal data only sealed under a key
-- that can be deleted (issue 16).

-- Dashboard log-ins, written by the command that opens the account, in its transaction: the e-mail is
-- unique here (set-based validation: a second account with the same e-mail rolls its sign-up back),
-- and the password's bcrypt hash lives only here. Forgetting an account's personal data deletes its row.
create table account_login (
    email         varchar(254) not null primary key,
    account_id    uuid         not null unique,
    password_hash varchar(100) not null
);
insert into account_login (email, account_id, password_hash)
select email, account_id, password_hash from account_credential;

-- The SHA-256 of each API key's secret, written by the command that issues the key.
create table api_key_secret (
    api_key_id  uuid     not null primary key,
    secret_hash char(64) not null unique
);
insert into api_key_secret (api_key_id, secret_hash)
select api_key_id, secret_hash from api_key_credential;

alter table account_credential drop column password_hash;
alter table account_credential drop constraint account_credential_email_key;
-- null once the account's personal data is forgotten
alter table account_credential alter column email drop not null;
alter table api_key_credential drop column secret_hash;

-- Each account's own key for its personal data, sealed with the master key (crypto-shredding: deleting
-- the row forgets everything sealed under it, in every stored event).
create table personal_data_key (
    subject_id uuid        not null primary key,
    sealed_key bytea       not null,
    created_at timestamptz not null
);

-- Events stored before carried secrets: the password hash, the API key's hash and the Fatoora OTP (spent
-- long ago). The upcasters never let them through; here they leave the stored JSON too, and the rest of
-- each event stays as it was.
update domain_event_entry
set payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'passwordHash')::text, 'UTF8')
where payload_type = 'sa.qayd.api.account.AccountRegisteredEvent' and payload_revision is null;
update domain_event_entry
set payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'secretHash')::text, 'UTF8')
where payload_type = 'sa.qayd.api.apikey.ApiKeyIssuedEvent' and payload_revision is null;
update domain_event_entry
set payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'otp')::text, 'UTF8')
where payload_type in ('sa.qayd.api.egs.EgsUnitRegisteredEvent', 'sa.qayd.api.egs.EgsOnboardingRestartedEvent')
  and payload_revision is null;
