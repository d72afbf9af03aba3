-- Private keys and CSID secrets of EGS units, AES-GCM encrypted with the master key (see EgsSecrets).
-- Kept out of the event store on purpose: events are exported to auditors, secrets never are.
create table egs_secret (
    egs_unit_id uuid        not null,
    kind        varchar(32) not null,
    sealed      bytea       not null,
    updated_at  timestamptz not null,
    primary key (egs_unit_id, kind)
);
