-- Every step of a document with ZATCA, for GET /v1/invoices/{id} and the dashboard (fed by the
-- "invoices" processor; keyed by event id so a replay writes each step once).
create table invoice_status_history (
    event_id   varchar(255) not null primary key,
    invoice_id uuid         not null,
    event      varchar(32)  not null,
    status     varchar(32)  not null,
    detail     text,
    at         timestamptz  not null
);
create index invoice_status_history_invoice on invoice_status_history (invoice_id, at);
