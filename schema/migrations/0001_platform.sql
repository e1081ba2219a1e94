-- 0001 platform: tenants, units, users, cadres, audit; the tenant-isolation floor (RLS).
-- Runs as the owner. The API's login role is a member of the NOLOGIN group role lz_app and nothing more.

create extension if not exists ltree;
create extension if not exists pg_trgm;

do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'lz_app') then
    create role lz_app nologin nosuperuser nobypassrls noinherit;
  end if;
end $$;

-- The caller's scope: an ltree path read from a transaction-local setting. Empty or missing sees nothing
-- (''::ltree would be the root, which contains everything).
create function app_scope() returns ltree
  language sql stable
  as $$ select nullif(current_setting('app.tenant_path', true), '')::ltree $$;

create table tenant (
  id          uuid primary key default gen_random_uuid(),
  code        text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        text not null check (length(name) between 1 and 100),
  kind        text not null check (kind in ('province_commission', 'city_commission', 'county_commission',
                'supervision_team', 'inspection_office', 'enterprise_discipline', 'university_discipline')),
  parent_id   uuid references tenant (id),
  path        ltree not null unique,
  sort_order  integer not null default 0,
  status      text not null default 'active' check (status in ('active', 'suspended')),
  created_at  timestamptz not null default now(),
  -- A tenant owns its own row: tenant_id = id keeps one isolation rule for every table.
  tenant_id   uuid generated always as (id) stored
);
create index tenant_path_gist on tenant using gist (path);

-- Visible tenants: those whose path lies in the caller's subtree.
create function app_visible_tenant_ids() returns setof uuid
  language sql stable
  as $$ select id from tenant where path <@ app_scope() $$;

create table unit (
  id          uuid primary key default gen_random_uuid(),
  tenant_id   uuid not null references tenant (id),
  parent_id   uuid references unit (id),
  name        text not null check (length(name) between 1 and 200),
  sort_order  integer not null default 0,
  created_at  timestamptz not null default now(),
  unique (tenant_id, id)
);
create index unit_tenant_idx on unit (tenant_id, parent_id, sort_order);

create table app_user (
  id                  uuid primary key default gen_random_uuid(),
  tenant_id           uuid not null references tenant (id),
  username            text not null unique check (username ~ '^[a-z0-9-]+\.[a-z0-9_-]+$'),
  display_name        text not null,
  role                text not null check (role in ('admin', 'officer', 'leader', 'filler', 'auditor')),
  password_hash       text not null,
  status              text not null default 'active' check (status in ('active', 'disabled')),
  failed_logins       integer not null default 0,
  locked_until        timestamptz,
  last_login_at       timestamptz,
  last_login_ip       text,
  created_at          timestamptz not null default now()
);
create index app_user_tenant_idx on app_user (tenant_id);

create table cadre (
  id            uuid primary key default gen_random_uuid(),
  tenant_id     uuid not null references tenant (id),
  unit_id       uuid not null,
  name          text not null check (length(name) between 1 and 50),
  sex           text,
  birth_month   text check (birth_month ~ '^[0-9]{6}$'),
  ethnicity     text,
  native_place  text,
  party_join    text,
  work_start    text,
  education     text,
  position      text,
  rank          text,
  status        text not null default '在职',
  sort_order    integer not null default 0,
  -- Search keys: every substring of the name, every full-pinyin and initials reading (all readings of polyphonic
  -- characters) with their prefixes. Mirrored row by row into cadre_search_key, where equality finds them.
  search_terms  text[] not null default '{}',
  -- Exact pinyin readings (full and initials), for ranking exact matches first.
  pinyin_keys   text[] not null default '{}',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  foreign key (tenant_id, unit_id) references unit (tenant_id, id)
);
create index cadre_tenant_order_idx on cadre (tenant_id, sort_order, id);
create index cadre_unit_idx on cadre (unit_id);
create index cadre_name_trgm on cadre using gin (name gin_trgm_ops);

-- One row per search key. Under RLS only leakproof operators may drive an index scan, and array containment
-- (GIN) or LIKE (trigrams) are not leakproof: text equality is, so short and long queries alike use this
-- btree index. Kept in step with cadre.search_terms by a trigger.
create table cadre_search_key (
  tenant_id  uuid not null references tenant (id),
  cadre_id   uuid not null references cadre (id) on delete cascade,
  key        text not null,
  primary key (key, cadre_id)
);
create index cadre_search_key_cadre_idx on cadre_search_key (cadre_id);

create function cadre_search_key_sync() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'UPDATE' then
      delete from cadre_search_key where cadre_id = old.id;
    end if;
    insert into cadre_search_key (tenant_id, cadre_id, key)
      select new.tenant_id, new.id, k from (select distinct unnest(new.search_terms) as k) s where k <> '';
    return null;
  end $$;
create trigger cadre_search_key_sync after insert or update of search_terms, tenant_id on cadre
  for each row execute function cadre_search_key_sync();

-- The access log. Append-only for the API: INSERT and SELECT only.
create table audit_event (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  tenant_id   uuid references tenant (id),
  user_id     uuid,
  username    text,
  operation   text not null,
  kind        text not null check (kind in ('read', 'write', 'login', 'denied')),
  outcome     text not null check (outcome in ('success', 'failure')),
  client_ip   text,
  request_id  text,
  cadre_ids   uuid[] not null default '{}',
  detail      jsonb not null default '{}'
);
create index audit_event_tenant_at_idx on audit_event (tenant_id, at desc);
create index audit_event_cadres_gin on audit_event using gin (cadre_ids);

-- Row Level Security on every tenant-owned table: ENABLE + FORCE, USING and WITH CHECK on the caller's subtree.
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_scope on tenant
  using (path <@ app_scope())
  with check (path <@ app_scope());

alter table unit enable row level security;
alter table unit force row level security;
create policy unit_scope on unit
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

alter table app_user enable row level security;
alter table app_user force row level security;
create policy app_user_scope on app_user
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

alter table cadre enable row level security;
alter table cadre force row level security;
create policy cadre_scope on cadre
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

alter table cadre_search_key enable row level security;
alter table cadre_search_key force row level security;
create policy cadre_search_key_scope on cadre_search_key
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

-- Audit rows: read within scope; a row may be written for a tenant in scope, or with no tenant
-- (an attempt that named no known account).
alter table audit_event enable row level security;
alter table audit_event force row level security;
-- Unattributed rows (a request that named no known account or tenant) are visible at a root tenant only.
create policy audit_event_read on audit_event for select
  using (tenant_id in (select app_visible_tenant_ids()) or (tenant_id is null and nlevel(app_scope()) = 1));
create policy audit_event_append on audit_event for insert
  with check (tenant_id is null or tenant_id in (select app_visible_tenant_ids()));

-- Authentication runs before a scope exists. These SECURITY DEFINER functions run as the owner; a policy
-- for the owner alone (named at migration time) lets them find an account or a session's tenant by id.
do $$ begin
  execute format('create policy auth_lookup on app_user for select to %I using (true)', current_user);
  execute format('create policy auth_lookup on tenant for select to %I using (true)', current_user);
end $$;

-- A tenant is suspended when it or any ancestor is. Called from the SECURITY DEFINER functions below.
create function tenant_effective_status(p_path ltree) returns text
  language sql stable set search_path = public, pg_temp
  as $$ select case when exists (select 1 from tenant a where a.path @> p_path and a.status = 'suspended')
                    then 'suspended' else 'active' end $$;

create function auth_find_user(p_username text)
  returns table (user_id uuid, tenant_id uuid, tenant_path text, tenant_status text, role text,
                 password_hash text, status text, failed_logins integer, locked_until timestamptz)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select u.id, u.tenant_id, t.path::text,
           tenant_effective_status(t.path),
           u.role, u.password_hash, u.status, u.failed_logins, u.locked_until
      from app_user u join tenant t on t.id = u.tenant_id
     where u.username = lower(p_username)
  $$;

create function auth_session(p_user_id uuid)
  returns table (user_id uuid, username text, display_name text, tenant_id uuid, tenant_path text,
                 tenant_status text, role text, status text)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select u.id, u.username, u.display_name, u.tenant_id, t.path::text,
           tenant_effective_status(t.path),
           u.role, u.status
      from app_user u join tenant t on t.id = u.tenant_id
     where u.id = p_user_id
  $$;

-- The tenant a username names by its prefix (km-wh.xyz → km-wh), to attribute failed logins of unknown accounts.
create function auth_tenant_of_username(p_username text)
  returns table (tenant_id uuid, tenant_path text)
  language sql stable security definer set search_path = public, pg_temp
  as $$ select t.id, t.path::text from tenant t where t.code = split_part(lower(p_username), '.', 1) $$;

revoke all on function auth_tenant_of_username(text) from public;
grant execute on function auth_tenant_of_username(text) to lz_app;
revoke all on function auth_find_user(text) from public;
revoke all on function auth_session(uuid) from public;
grant execute on function auth_find_user(text) to lz_app;
grant execute on function auth_session(uuid) to lz_app;
grant execute on function app_scope() to lz_app;
grant execute on function app_visible_tenant_ids() to lz_app;

grant usage on schema public to lz_app;
grant select, insert, update on tenant to lz_app;
grant select, insert, update, delete on unit to lz_app;
grant select, insert, update on app_user to lz_app;
grant select, insert, update, delete on cadre to lz_app;
grant select, insert, delete on cadre_search_key to lz_app;
grant select, insert on audit_event to lz_app;
grant usage on sequence audit_event_id_seq to lz_app;
