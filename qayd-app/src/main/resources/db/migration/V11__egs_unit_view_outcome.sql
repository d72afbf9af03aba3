-- What onboarding ended with: the production certificate, or ZATCA's refusal. Filled by the
-- "egs-units" processor; reset it (admin API) to fill these for units onboarded before this column existed.
alter table egs_unit_view add column certificate_serial    varchar(128);
alter table egs_unit_view add column certificate_not_after timestamptz;
alter table egs_unit_view add column failure_step          varchar(64);
alter table egs_unit_view add column failure_reason        text;
alter table egs_unit_view add column failure_messages      jsonb;
alter table egs_unit_view add column failed_at             timestamptz;
