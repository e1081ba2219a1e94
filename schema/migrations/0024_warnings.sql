-- 0024 廉情预警 (issue 14; docs/warnings.md): warning rules per 机构, inherited down the tenant tree and versioned;
-- the tenant's scheme (colour levels, default influence periods, dispositions); and the computed warning hits.
--
-- A hit is one rule firing for one cadre over an interval of dates [starts_on, ends_on) (ends_on null: open-ended,
-- e.g. a clue still 办理中). Hits are recomputed from the typed record columns whenever a relevant record, cadre or rule
-- changes (modules/warnings/recompute.ts), so what a cadre shows "as of" any date is a range test over hits: nothing
-- stored flips overnight, and the same records, rules and date always give the same answer.

-- 1. Category 8 gains the disposal mode 立案审查调查: a clue under it that is still 办理中 is an open case.
alter table record_clue drop constraint record_clue_disposal_mode_check;
alter table record_clue add constraint record_clue_disposal_mode_check
  check (disposal_mode in ('talk_inquiry', 'verification', 'held', 'closed', 'investigation'));
insert into code_label (domain, code, label, sort_order)
  select 'clue.disposalMode', 'investigation', '立案审查调查', coalesce(max(sort_order), 0) + 1
    from code_label where domain = 'clue.disposalMode';

-- 2. Ancestors: rules and schemes are inherited, so a tenant reads (never writes) its strict ancestors' rows of these
--    tables (its own and its subtree's come through the ordinary tenant policy). Resolved inside the database from the
--    caller's path like app_tenant_ids(); the path stays the only input.
create function app_ancestor_tenant_ids() returns uuid[]
  language sql stable security definer parallel safe set search_path = public, pg_temp
  as $$ select coalesce(array_agg(id order by id), '{}'::uuid[]) from tenant where path @> app_scope() and path <> app_scope() $$;
revoke all on function app_ancestor_tenant_ids() from public;
do $$ begin
  execute format('grant execute on function app_ancestor_tenant_ids() to %I', current_setting('app.api_role'));
end $$;

-- 3. Rules. One row per version: (tenant_id, code) is a rule's lineage in that tenant; the current version has
--    superseded_at null. A tenant's effective rule of a code is its own current version, else the nearest ancestor's —
--    unless an ancestor's current version is locked, which then wins for the whole subtree. The built-in defaults
--    (modules/warnings/defaults.ts) are version 1 of every default code and need no row until someone changes them.
create table warning_rule (
  tenant_id       uuid not null,
  id              uuid not null default gen_random_uuid(),
  code            text not null check (code ~ '^[A-Z][A-Z0-9-]{1,31}$'),
  version         integer not null check (version >= 1),
  name            text not null check (length(name) between 1 and 100),
  kind            text not null check (kind in ('sanction', 'clue', 'count', 'amount', 'overdue', 'score')),
  -- The level (colour) code of the tenant's scheme this rule raises; null for a score rule (its thresholds say).
  level           text check (length(level) <= 20),
  definition      jsonb not null,
  enabled         boolean not null default true,
  locked          boolean not null default false,
  note            text check (length(note) <= 500),
  created_by      uuid,
  created_by_name text not null,
  created_at      timestamptz not null default now(),
  superseded_at   timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, code, version)
);
create unique index warning_rule_current_idx on warning_rule (tenant_id, code) where superseded_at is null;
select app_tenant_table('warning_rule', 'select, insert, update');
create policy warning_rule_inherited on warning_rule for select
  using (tenant_id = any ((select app_ancestor_tenant_ids())::uuid[]));

-- 4. The tenant's scheme: colour levels (three, four or five, named by the tenant), default influence periods by kind
--    and measure, and the disposition each level calls for. Inherited whole from the nearest ancestor that has one;
--    the built-in default (modules/warnings/defaults.ts) applies when none has. Versioned like rules.
create table warning_scheme (
  tenant_id       uuid not null,
  id              uuid not null default gen_random_uuid(),
  version         integer not null check (version >= 1),
  levels          jsonb not null,
  influence       jsonb not null,
  dispositions    jsonb not null,
  created_by      uuid,
  created_by_name text not null,
  created_at      timestamptz not null default now(),
  superseded_at   timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, version)
);
create unique index warning_scheme_current_idx on warning_scheme (tenant_id) where superseded_at is null;
select app_tenant_table('warning_scheme', 'select, insert, update');
create policy warning_scheme_inherited on warning_scheme for select
  using (tenant_id = any ((select app_ancestor_tenant_ids())::uuid[]));

-- 5. Hits. Written only by the recompute (delete a cadre's or a tenant's hits, insert what the rules give now).
create table warning_hit (
  tenant_id     uuid not null,
  id            uuid not null default gen_random_uuid(),
  cadre_id      uuid not null,
  rule_code     text not null,
  rule_version  integer not null,
  rule_name     text not null,
  level         text not null,
  level_rank    smallint not null,
  starts_on     date not null,
  ends_on       date,
  record_ids    uuid[] not null default '{}',
  reason        text not null,
  computed_at   timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade,
  check (ends_on is null or ends_on > starts_on)
);
create index warning_hit_cadre_idx on warning_hit (tenant_id, cadre_id);
create index warning_hit_span_idx on warning_hit (tenant_id, starts_on, ends_on);
select app_tenant_table('warning_hit', 'select, insert, delete');

-- 6. A visible tenant's lineage (itself and its ancestors, root first by depth): the order rules and schemes are
--    inherited in. Ids only, and only for a tenant inside the caller's scope.
create function app_tenant_lineage(p_tenant uuid) returns table (id uuid, depth integer)
  language sql stable security definer set search_path = public, pg_temp
  as $$ select a.id, nlevel(a.path) from tenant t join tenant a on a.path @> t.path
         where t.id = p_tenant and t.path <@ app_scope() order by nlevel(a.path) $$;
revoke all on function app_tenant_lineage(uuid) from public;
do $$ begin
  execute format('grant execute on function app_tenant_lineage(uuid) to %I', current_setting('app.api_role'));
end $$;
