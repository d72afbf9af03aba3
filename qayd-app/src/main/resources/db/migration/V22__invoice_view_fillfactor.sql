-- Status changes update rows in place (HOT: no new index entries) when their page has room;
-- without room every report or clearance rewrote all three index entries of the invoice.
alter table invoice_view set (fillfactor = 70);
