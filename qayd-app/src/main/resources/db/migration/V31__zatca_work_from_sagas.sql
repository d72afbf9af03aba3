-- Submission and onboarding ran in sagas with deadlines before the ZATCA worker. Their pending work
-- moves to zatca_work; the sagas, their deadlines and their processors' tokens go.

-- documents still pending with ZATCA: due now, with the reporting deadline they had reached
insert into zatca_work (id, kind, lane, environment, egs_unit_id, inputs, due_at, attempts, claim, last_error,
                        issued_at, deadline, deadline_at)
select invoice_id,
       case when kind = 'STANDARD' then 'CLEARANCE' else 'REPORTING' end,
       case when kind = 'STANDARD' then 'URGENT' else 'BACKGROUND' end,
       environment, egs_unit_id, null, now(), 0, null, null, issued_at,
       case when kind = 'STANDARD' then null
            when status = 'REPORTING_DEADLINE_NEAR' then 'OVERDUE' else 'NEAR' end,
       case when kind = 'STANDARD' then null
            when status = 'REPORTING_DEADLINE_NEAR' then issued_at + interval '24 hours'
            else issued_at + interval '20 hours' end
from invoice_view
where status in ('PENDING_REPORTING', 'REPORTING_DEADLINE_NEAR', 'PENDING_CLEARANCE')
on conflict (id) do nothing;

-- units on their way with ZATCA: their OTP was kept in events then, so the worker asks for a new one
insert into zatca_work (id, kind, lane, environment, egs_unit_id, inputs, due_at, attempts, claim, last_error, issued_at)
select egs_unit_id, 'COMPLIANCE_CSID', 'URGENT', environment, egs_unit_id,
       jsonb_build_object('identity', identity)::text, now(), 0, null, null, registered_at
from egs_unit_view
where onboarding_status = 'PENDING'
on conflict (id) do nothing;

delete from association_value_entry
where saga_type in ('sa.qayd.command.invoice.InvoiceSubmissionSaga', 'sa.qayd.command.egs.EgsOnboardingSaga');
delete from saga_entry
where saga_type in ('sa.qayd.command.invoice.InvoiceSubmissionSaga', 'sa.qayd.command.egs.EgsOnboardingSaga');
delete from scheduled_tasks where task_name = 'AxonDeadline';
delete from token_entry where processor_name in ('InvoiceSubmissionSagaProcessor', 'EgsOnboardingSagaProcessor');
