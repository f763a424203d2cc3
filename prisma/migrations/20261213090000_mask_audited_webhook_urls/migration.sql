-- Webhook URLs are write-only once saved (lib/security/webhook-url.ts), but audit rows written
-- before held them whole, and the audit API shows rows to owners and admins. Mask those as
-- maskWebhookUrl() does: scheme and host (never user info), then the last four characters when
-- the part after the host has 16 or more. Rows already masked are left alone.
create or replace function pg_temp.pharos_mask_webhook_url(url text) returns text language sql immutable as $$
  select case
    when parsed.m is null then '…'
    else lower(parsed.m[1]) || '//' || lower(parsed.m[2]) || '/…' || case when length(parsed.m[3]) >= 16 then '/••••' || right(parsed.m[3], 4) else '' end
  end
  from (select regexp_match(url, '^([A-Za-z][A-Za-z0-9+.-]*:)//(?:[^/?#@]*@)?([^/?#]*)(.*)$') as m) as parsed
$$;

update audit_logs set after = jsonb_set(after, '{webhookUrl}', to_jsonb(pg_temp.pharos_mask_webhook_url(after ->> 'webhookUrl')))
 where action in ('alert_rule.create', 'alert_rule.update') and jsonb_typeof(after -> 'webhookUrl') = 'string' and position('…' in after ->> 'webhookUrl') = 0;

update audit_logs set before = jsonb_set(before, '{url}', to_jsonb(pg_temp.pharos_mask_webhook_url(before ->> 'url')))
 where action = 'project.release_webhook.update' and jsonb_typeof(before -> 'url') = 'string' and position('…' in before ->> 'url') = 0;

update audit_logs set after = jsonb_set(after, '{url}', to_jsonb(pg_temp.pharos_mask_webhook_url(after ->> 'url')))
 where action = 'project.release_webhook.update' and jsonb_typeof(after -> 'url') = 'string' and position('…' in after ->> 'url') = 0;
