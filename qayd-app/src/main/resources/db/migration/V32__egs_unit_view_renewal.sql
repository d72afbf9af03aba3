-- onboarding_status holds the API's value (pending, active, failed) since OnboardingStep is the one state
update egs_unit_view set onboarding_status = lower(onboarding_status);
-- the last certificate renewal that has not ended in a new certificate: pending, or failed with ZATCA's reason
alter table egs_unit_view add column renewal_status   varchar(16);
alter table egs_unit_view add column renewal_reason   text;
alter table egs_unit_view add column renewal_messages jsonb;
alter table egs_unit_view add column renewal_at       timestamptz;
