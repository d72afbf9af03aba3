-- ZATCA work to do (see sa.qayd.command.zatca.ZatcaWorkQueue): documents to clear or report, a unit's
-- onboarding step or certificate renewal. Rows are added, advanced and removed in the transaction of the
-- event that makes them due or done; replicas claim due rows with "for update skip locked" and hold them
-- under a lease (due_at) while the call runs.
create table zatca_work (
    id          uuid        not null primary key, -- the invoice's id, or the EGS unit's
    kind        varchar(32) not null,             -- CLEARANCE, REPORTING, COMPLIANCE_CSID, COMPLIANCE_CHECKS, PRODUCTION_CSID, RENEWAL
    lane        varchar(16) not null,             -- URGENT (somebody waits) or BACKGROUND (reporting)
    environment varchar(16) not null,             -- which gateway
    egs_unit_id uuid        not null,
    inputs      text,                             -- JSON: what a unit's step needs and how far it got
    due_at      timestamptz not null,             -- when to (re)try; while claimed, the end of the lease
    attempts    integer     not null,             -- claims so far (the worker's count; events record the first delay only)
    claim       uuid,                             -- the current claim's token
    last_error  text,
    issued_at   timestamptz not null,
    deadline    varchar(16),                      -- NEAR or OVERDUE: the next reporting deadline of a simplified document
    deadline_at timestamptz
);
create index zatca_work_due on zatca_work (environment, lane, due_at);
create index zatca_work_claim on zatca_work (claim) where claim is not null;
create index zatca_work_deadline on zatca_work (deadline_at) where deadline_at is not null;

-- Secrets of a key are kept per key id: a unit has a new key after each renewal, and every document is
-- submitted with the credentials of the key that signed it. Existing rows are the unit's first key ('').
alter table egs_secret add column key_id varchar(64) not null default '';
alter table egs_secret drop constraint egs_secret_pkey;
alter table egs_secret add primary key (egs_unit_id, kind, key_id);
-- a renewal answered by ZATCA but not recorded (the old synchronous renewal kept it): ask again
delete from egs_secret where kind = 'PENDING_RENEWAL';
