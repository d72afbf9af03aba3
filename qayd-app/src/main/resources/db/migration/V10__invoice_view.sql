-- Issued documents as integrators read them; rebuilt from the event store by the "invoices" processor.
-- signed_xml and cleared_xml are the exact bytes from the events, served unchanged.
create table invoice_view (
    invoice_id            uuid          not null primary key,
    account_id            uuid          not null,
    egs_unit_id           uuid          not null,
    environment           varchar(16)   not null,
    kind                  varchar(16)   not null,
    document_type         varchar(16)   not null,
    invoice_number        varchar(127)  not null,
    issue_date            date          not null,
    uuid                  uuid          not null,
    icv                   bigint        not null,
    previous_invoice_hash varchar(64)   not null,
    invoice_hash          varchar(64)   not null,
    qr_code               text          not null,
    status                varchar(32)   not null,
    currency              char(3)       not null,
    line_extension        numeric(19,2) not null,
    allowance_total       numeric(19,2) not null,
    tax_exclusive         numeric(19,2) not null,
    tax_total             numeric(19,2) not null,
    tax_inclusive         numeric(19,2) not null,
    payable               numeric(19,2) not null,
    zatca_messages        jsonb         not null,
    submission_attempts   integer       not null,
    next_attempt_at       timestamptz,
    last_delay_reason     text,
    signed_xml            bytea         not null,
    cleared_xml           bytea,
    issued_at             timestamptz   not null,
    status_changed_at     timestamptz   not null
);
-- listing order is newest first; the cursor is (issued_at, invoice_id)
create index invoice_view_listing on invoice_view (account_id, issued_at desc, invoice_id desc);
create index invoice_view_unit on invoice_view (egs_unit_id, icv);
