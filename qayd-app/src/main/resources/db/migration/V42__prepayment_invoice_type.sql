-- Prepayment invoices (386): their document type name, PREPAYMENT_INVOICE, is longer than 16 characters.
alter table invoice_view alter column document_type type varchar(32);
alter table webhook_invoice alter column document_type type varchar(32);
