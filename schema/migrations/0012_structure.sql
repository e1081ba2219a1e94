-- 0012 structure: a one-line RLS helper for tenant tables (docs/migrations.md), units and filler assignments tied to
-- one tenant by composite keys, one revision per record version, and a system actor in the access log.

-- A new tenant table's isolation in one line: `select app_tenant_table('my_table', 'select, insert, update');`
-- ENABLE + FORCE row level security, the standard policy <table>_scope (rows of tenants in the caller's subtree, for
-- reading and writing), and the privileges for the API's group role, which the migration runner names in the
-- transaction-local setting app.api_role (services/api/src/db/migrate.ts): no role name is written in a migration.
-- Sequences of the table's serial/identity columns are granted too. Running it again replaces the policy.
create function app_tenant_table(p_table regclass, p_privileges text default 'select, insert, update, delete')
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
  execute format('create policy %I on %s using (tenant_id in (select app_visible_tenant_ids())) '
                 'with check (tenant_id in (select app_visible_tenant_ids()))', v_policy, p_table);
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

-- A unit's parent is a unit of the same tenant. The code never made another (units come from the demo seed, each tree within
-- demo seed, within one tenant); should a database hold one, stop rather than guess.
do $$ begin
  if exists (select 1 from unit u join unit p on p.id = u.parent_id where p.tenant_id <> u.tenant_id) then
    raise exception '0012: some units have a parent unit of another tenant; give them a parent of their own tenant first';
  end if;
end $$;
alter table unit drop constraint unit_parent_id_fkey;
alter table unit add constraint unit_parent_fkey foreign key (tenant_id, parent_id) references unit (tenant_id, id);

-- A filler's assigned units belong to the filler's own tenant (users/repo.ts unitsOfTenant refuses others), and the
-- row's tenant_id is the user's: keys on (tenant_id, user_id) and (tenant_id, unit_id). Rows that say otherwise
-- could not have been written by the API: the tenant is taken from the user, assignments of another tenant's units
-- are dropped.
alter table app_user add constraint app_user_tenant_id_key unique (tenant_id, id);
update user_unit uu set tenant_id = u.tenant_id from app_user u where u.id = uu.user_id and uu.tenant_id <> u.tenant_id;
delete from user_unit uu using unit x where x.id = uu.unit_id and x.tenant_id <> uu.tenant_id;
alter table user_unit drop constraint user_unit_user_id_fkey;
alter table user_unit drop constraint user_unit_unit_id_fkey;
alter table user_unit add constraint user_unit_user_fkey foreign key (tenant_id, user_id)
  references app_user (tenant_id, id) on delete cascade;
alter table user_unit add constraint user_unit_unit_fkey foreign key (tenant_id, unit_id) references unit (tenant_id, id);

-- The two tables' isolation through the helper (the same policy and privileges as before, now without a role name).
select app_tenant_table('unit', 'select, insert, update, delete');
select app_tenant_table('user_unit', 'select, insert, delete');

-- One revision per record version. Every change bumps the version under the version check, except a restore, which
-- now checks it too (records/schema.ts); two concurrent restores could have written one version twice: such a
-- record's revisions are numbered again in the order they were written.
update record_revision r set version = n.v
  from (select id, row_number() over (partition by record_id order by version, id) as v from record_revision
         where record_id in (select record_id from record_revision group by record_id, version having count(*) > 1)) n
 where n.id = r.id and r.version <> n.v;
alter table record_revision add constraint record_revision_version_key unique (record_id, version);

-- The access log's kind admits the system: work no user asked for (the timer's sweeps, nightly recomputations) is
-- logged with kind 'system' and no user (audit/index.ts appendSystemAudit).
alter table audit_event drop constraint audit_event_kind_check;
alter table audit_event add constraint audit_event_kind_check check (kind in ('read', 'write', 'login', 'denied', 'system'));
