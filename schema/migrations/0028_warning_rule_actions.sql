-- 0028 Warning-rule history names its action (docs/warning-rules.md#versions): each row of warning_rule is one step of
-- a rule's lineage in a tenant — an edit (update), a lock or an unlock (the effective rule materialised with the flag
-- changed), or a reset: the tenant dropped its override and inherits again. A reset row keeps who and when, and is
-- superseded the moment it is written (superseded_at = created_at), so resolution (modules/warnings/resolve.ts, which
-- reads only current rows) never takes it for an override.
alter table warning_rule add column action text not null default 'update'
  check (action in ('update', 'lock', 'unlock', 'reset'));
alter table warning_rule add constraint warning_rule_reset_superseded
  check (action <> 'reset' or superseded_at is not null);

-- The caller's strict ancestors by name: a rule or scheme inherited from above says where it comes from (「继承自
-- 昆明市纪委监委」). Ancestors stay invisible in the tenant table (a subordinate never reads its parent's rows); only
-- their code and name, and only the caller's own line, answer here.
create function app_ancestor_tenant_names() returns table (id uuid, code text, name text)
  language sql stable security definer set search_path = public, pg_temp
  as $$ select id, code, name from tenant where path @> app_scope() and path <> app_scope() $$;
revoke all on function app_ancestor_tenant_names() from public;
do $$ begin
  execute format('grant execute on function app_ancestor_tenant_names() to %I', current_setting('app.api_role'));
end $$;
