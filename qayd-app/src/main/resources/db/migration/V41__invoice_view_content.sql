-- The totals of charges, prepayments, payable rounding and other currencies, and what a document says
-- beyond its lines (buyer, dates, flags, references, allowances, charges, prepayments): content is the
-- issued draft without its lines, in the issued event's own JSON. Rows of documents issued before take
-- both from their issued events; their totals were all SAR without charges, prepayments or rounding.
alter table invoice_view
    add column charge_total            numeric(19,2) not null default 0,
    add column prepaid_amount          numeric(19,2) not null default 0,
    add column payable_rounding_amount numeric(19,2) not null default 0,
    add column tax_total_sar           numeric(19,2),
    add column exchange_rate           numeric(20,6),
    add column content                 jsonb;

update invoice_view set tax_total_sar = tax_total;
alter table invoice_view alter column tax_total_sar set not null;

update invoice_view v
set content = (convert_from(e.payload, 'UTF8')::jsonb -> 'draft') - 'lines'
from domain_event_entry e
where e.aggregate_identifier = v.invoice_id::text
  and e.payload_type = 'sa.qayd.api.invoice.InvoiceIssuedEvent';
