-- Documents are served from the invoice's own events (the event store holds them byte for byte);
-- the view's copies doubled their storage and made every rebuild rewrite each document.
alter table invoice_view drop column signed_xml;
alter table invoice_view drop column cleared_xml;
