-- Each invoice's status history moves into its invoice_view row, in event order: a step is then part
-- of the same row write as the status it records (one statement per event instead of two), and a
-- replay rewrites one table instead of two.
alter table invoice_view add column status_history jsonb not null default '[]'::jsonb;
update invoice_view v
set status_history = h.steps
from (select invoice_id,
             jsonb_agg(jsonb_build_object('event_id', event_id, 'event', event, 'status', status, 'detail', detail,
                                          'at', at) order by at, event_id) as steps
      from invoice_status_history
      group by invoice_id) h
where h.invoice_id = v.invoice_id;
drop table invoice_status_history;
