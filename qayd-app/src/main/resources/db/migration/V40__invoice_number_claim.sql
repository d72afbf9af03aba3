-- Invoice numbers are unique per account and environment. The command that issues a document claims
-- its number here in its own transaction (set-based validation): the primary key is the rule, so two
-- replicas racing for one number cannot both win, and a refused claim rolls the whole issue back.
-- The unit and ICV of the holder tell a taken number from a replica that issued the same ICV first.
create table invoice_number_claim (
    account_id     uuid         not null,
    environment    varchar(16)  not null,
    invoice_number varchar(127) not null,
    invoice_id     uuid         not null,
    egs_unit_id    uuid         not null,
    icv            bigint       not null,
    primary key (account_id, environment, invoice_number)
);

-- Documents issued before keep their numbers, taken from their issued events (the source of truth);
-- where a number was used twice, the first document holds it.
insert into invoice_number_claim (account_id, environment, invoice_number, invoice_id, egs_unit_id, icv)
select (issued ->> 'accountId')::uuid, issued ->> 'environment', issued ->> 'invoiceNumber', (issued ->> 'invoiceId')::uuid,
       (issued ->> 'egsUnitId')::uuid, (issued ->> 'icv')::bigint
from (select convert_from(payload, 'UTF8')::jsonb as issued, global_index
      from domain_event_entry
      where payload_type = 'sa.qayd.api.invoice.InvoiceIssuedEvent') events
order by global_index
on conflict do nothing;
