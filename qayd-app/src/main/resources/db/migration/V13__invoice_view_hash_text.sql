-- A PIH is not always a 44-character hash: a unit's first PIH is ZATCA's seed, base64 of a hex text (88).
alter table invoice_view alter column previous_invoice_hash type text;
alter table invoice_view alter column invoice_hash type text;
