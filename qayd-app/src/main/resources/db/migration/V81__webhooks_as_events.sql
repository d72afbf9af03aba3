-- Webhook registrations and deletions are events of the command side's Webhook aggregate (issue 16):
-- they decide where invoice data goes. The webhook table is now their projection; the signing secret,
-- no fact of the history, is kept beside it by the command that registers the webhook. Webhooks
-- registered before have no events: their rows stay as they are.
create table webhook_secret (
    webhook_id    uuid  not null primary key,
    sealed_secret bytea not null
);
insert into webhook_secret (webhook_id, sealed_secret) select webhook_id, sealed_secret from webhook;
alter table webhook drop column sealed_secret;

-- Webhooks registered (and deleted) before have their history written now, as the aggregate would have
-- written it then, so that they can be deleted through the aggregate and auditors see them. Who acted
-- was not recorded then: the events carry no actor.
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
select nextval('domain_event_entry_seq'), w.webhook_id::text, 0, 'Webhook', gen_random_uuid()::text,
       convert_to('{}', 'UTF8'),
       convert_to(jsonb_build_object('webhookId', w.webhook_id, 'accountId', w.account_id, 'environment', w.environment,
                                     'url', w.url, 'eventTypes', to_jsonb(w.event_types), 'description', w.description,
                                     'registeredAt', to_char(w.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
                  'UTF8'),
       null, 'sa.qayd.api.webhook.WebhookRegisteredEvent',
       to_char(w.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
from webhook w order by w.created_at, w.webhook_id;
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
select nextval('domain_event_entry_seq'), w.webhook_id::text, 1, 'Webhook', gen_random_uuid()::text,
       convert_to('{}', 'UTF8'),
       convert_to(jsonb_build_object('webhookId', w.webhook_id, 'accountId', w.account_id, 'deletedBy', null,
                                     'deletedAt', to_char(w.deleted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
                  'UTF8'),
       null, 'sa.qayd.api.webhook.WebhookDeletedEvent',
       to_char(w.deleted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
from webhook w where w.deleted_at is not null order by w.deleted_at, w.webhook_id;
