-- 0017 tenant isolation the planner can push into index scans (docs/rls.md).
--
-- Until now every tenant table's policy was `tenant_id in (select app_visible_tenant_ids())`: a set-returning function
-- the planner estimates at 1,000 rows and checks through a hashed subplan filter, never an index condition, so under
-- RLS the cadre list ran 4–300× slower than the same query without it. The policies become
--
--     tenant_id = any ((select app_tenant_ids())::uuid[])
--
-- app_tenant_ids() resolves the caller's scope (the ltree path in app.tenant_path, set per transaction by
-- services/api/src/db/scope.ts) to the array of visible tenant ids. Wrapped in a scalar subquery it is an InitPlan:
-- computed once per statement, before the first row, and then a plain parameter, so `tenant_id = ANY($n)` (uuid
-- equality: leakproof) can be an index condition, a bitmap condition or a cheap filter, and the rest of the plan is the
-- plan of the query without RLS. Nothing new is settable: the ids are derived inside the database from the path on
-- every statement, so the path stays the only input and a forged setting cannot widen what a caller sees.
--
-- The tenant table itself keeps `path <@ app_scope()` (which also admits a tenant inserted by the same statement, for
-- INSERT … RETURNING) and gains the id form in OR, which gives the planner a usable row estimate (the ltree operator is
-- estimated at one row, which turned joins with tenant into nested loops over every cadre).

-- The scope reader may run in parallel workers (they receive the transaction's settings); unmarked it kept every query
-- that mentions the tenant table's policy out of parallel plans.
alter function app_scope() parallel safe;

-- As the owner: the tenant table's own policy calls this function, so it reads tenant through the owner's
-- auth_lookup policy (using (true): the combined policy folds to true, no recursion) and filters by the path itself.
create function app_tenant_ids() returns uuid[]
  language sql stable security definer parallel safe set search_path = public, pg_temp
  as $$ select coalesce(array_agg(id order by id), '{}'::uuid[]) from tenant where path <@ app_scope() $$;
revoke all on function app_tenant_ids() from public;
do $$ begin
  execute format('grant execute on function app_tenant_ids() to %I', current_setting('app.api_role'));
end $$;

-- Every policy written in the old form (those of app_tenant_table, the archive tables, audit_event's read and append
-- policies, and any later table that copied the form) is rewritten in place; any other use of the old function in a
-- policy stops the migration rather than stay slow or be half-rewritten.
do $$
declare
  r record;
  v_old constant text := '(tenant_id IN ( SELECT app_visible_tenant_ids() AS app_visible_tenant_ids))';
  v_new constant text := '(tenant_id = ANY ((SELECT app_tenant_ids())::uuid[]))';
  v_qual text;
  v_check text;
begin
  for r in
    select p.tablename, p.policyname, p.qual, p.with_check from pg_policies p
     where p.schemaname = 'public' and (p.qual like '%app_visible_tenant_ids%' or p.with_check like '%app_visible_tenant_ids%')
  loop
    v_qual := replace(r.qual, v_old, v_new);
    v_check := replace(r.with_check, v_old, v_new);
    if coalesce(v_qual, '') || coalesce(v_check, '') like '%app_visible_tenant_ids%' then
      raise exception '0017: policy % on % uses app_visible_tenant_ids() in an unexpected form: % / %',
        r.policyname, r.tablename, r.qual, r.with_check;
    end if;
    if v_qual is not null then
      execute format('alter policy %I on %I using (%s)', r.policyname, r.tablename, v_qual);
    end if;
    if v_check is not null then
      execute format('alter policy %I on %I with check (%s)', r.policyname, r.tablename, v_check);
    end if;
  end loop;
end $$;

alter policy tenant_scope on tenant
  using (tenant_id = any ((select app_tenant_ids())::uuid[]) or path <@ app_scope())
  with check (path <@ app_scope());

-- Lists and counts join cadre to its unit within a tenant (c.unit_id = u.id and c.tenant_id = u.tenant_id) under
-- `tenant_id = ANY(...)`: with an index leading with tenant_id all three are one index condition (a subtree's count is
-- an index-only scan), where before the planner combined the unit index with a scan of the tenant's whole key range.
create index cadre_tenant_unit_idx on cadre (tenant_id, unit_id, sort_order, id);

-- New tenant tables get the new form (same signature and behaviour otherwise as in 0012).
create or replace function app_tenant_table(p_table regclass, p_privileges text default 'select, insert, update, delete')
  returns void
  language plpgsql set search_path = public, pg_temp
as $$
declare
  v_role text := nullif(current_setting('app.api_role', true), '');
  v_policy text := (select relname from pg_class where oid = p_table) || '_scope';
  v_seq text;
begin
  if v_role is null then
    raise exception 'app_tenant_table: app.api_role is not set (run migrations through services/api/src/db/migrate.ts)';
  end if;
  if p_privileges !~* '^\s*(select|insert|update|delete)(\s*,\s*(select|insert|update|delete))*\s*$' then
    raise exception 'app_tenant_table: privileges must be a list of select, insert, update, delete: %', p_privileges;
  end if;
  if not exists (select 1 from pg_attribute where attrelid = p_table and attname = 'tenant_id' and not attisdropped) then
    raise exception 'app_tenant_table: % has no tenant_id column', p_table;
  end if;
  execute format('alter table %s enable row level security', p_table);
  execute format('alter table %s force row level security', p_table);
  execute format('drop policy if exists %I on %s', v_policy, p_table);
  execute format('create policy %I on %s using (tenant_id = any ((select app_tenant_ids())::uuid[])) '
                 'with check (tenant_id = any ((select app_tenant_ids())::uuid[]))', v_policy, p_table);
  execute format('grant %s on %s to %I', p_privileges, p_table, v_role);
  for v_seq in
    select pg_get_serial_sequence(p_table::text, a.attname) from pg_attribute a
     where a.attrelid = p_table and a.attnum > 0 and not a.attisdropped
       and pg_get_serial_sequence(p_table::text, a.attname) is not null
  loop
    execute format('grant usage on sequence %s to %I', v_seq, v_role);
  end loop;
end $$;
revoke all on function app_tenant_table(regclass, text) from public;
