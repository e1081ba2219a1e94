-- 0027 warning engine (issue 14; docs/warnings.md#influence-periods, #recompute-at-start).
--
-- 1. record_sanction.influence_months holds only what a record states. Until now a write filled the built-in default
--    of its kind + measure when none was given; those values go back to null, so that the tenant's scheme (inherited,
--    editable) supplies the default when warnings are evaluated. A stated value equal to the built-in default reads the
--    same under the default scheme. Per root tenant: the table is under forced row level security.
do $$
declare root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    update record_sanction s set influence_months = null
      from (values ('party', 'warning', 12), ('party', 'serious_warning', 18), ('party', 'party_post_revoked', 24),
                   ('party', 'probation', 36), ('party', 'party_expulsion', 60), ('state', 'warning', 6), ('state', 'demerit', 12),
                   ('state', 'major_demerit', 18), ('state', 'downgrade', 24), ('state', 'dismissal', 24)) as d(kind, measure, months)
     where s.kind = d.kind and s.measure = d.measure and s.influence_months = d.months;
    update record_sanction set influence_months = null
     where (measure = 'admonition' and influence_months = 6 and kind not in ('party', 'state'))
        or (measure = 'removal' and influence_months = 12 and kind not in ('party', 'state'));
  end loop;
  perform set_config('app.tenant_path', '', true);
end $$;

-- 2. The roots of the tenant tree and when the schema last changed: the server's start recomputes the warning hits of
--    a root whose hits are older than the last migration (modules/warnings/recompute.ts recomputeStaleWarnings), in
--    that root's own scope. Paths and one timestamp only; nothing inside a tenant.
--    (plpgsql: schema_migration belongs to the runner, services/api/src/db/migrate.ts, and is read only when called.)
create function app_root_tenants() returns table (path text, migrated_at timestamptz)
  language plpgsql stable security definer set search_path = public, pg_temp
  as $$ begin
    return query select t.path::text, (select max(m.applied_at) from schema_migration m) from tenant t where t.parent_id is null order by t.path;
  end $$;
revoke all on function app_root_tenants() from public;
do $$ begin
  execute format('grant execute on function app_root_tenants() to %I', current_setting('app.api_role'));
end $$;
