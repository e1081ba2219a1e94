-- 0002 administration: sessions with refresh tokens, per-tenant security settings (inherited down the tree),
-- a filler's assigned units, and the forced password change.

alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column password_changed_at timestamptz not null default now();

-- Security settings. A null column inherits from the nearest ancestor that sets it; the root falls back to the
-- built-in defaults (5 failures → 15 minutes, 8 characters of 3 kinds, 30 minutes idle).
create table tenant_security (
  tenant_id             uuid primary key references tenant (id),
  lockout_threshold     integer check (lockout_threshold between 3 and 20),
  lockout_minutes       integer check (lockout_minutes between 1 and 1440),
  password_min_length   integer check (password_min_length between 8 and 64),
  password_min_classes  integer check (password_min_classes between 1 and 4),
  idle_timeout_minutes  integer check (idle_timeout_minutes between 5 and 480),
  updated_at            timestamptz not null default now(),
  updated_by            uuid
);

-- A login session. The access token names it (sid); the refresh token is `<id>.<secret>` and only the secret's
-- SHA-256 is kept. Logout, disabling, role change, password reset and suspension set revoked_at.
create table user_session (
  id              uuid primary key default gen_random_uuid(),
  tenant_id       uuid not null references tenant (id),
  user_id         uuid not null references app_user (id),
  refresh_hash    text not null,
  client_ip       text,
  created_at      timestamptz not null default now(),
  last_seen_at    timestamptz not null default now(),
  expires_at      timestamptz not null,
  revoked_at      timestamptz,
  revoked_reason  text
);
create index user_session_user_idx on user_session (user_id) where revoked_at is null;
create index user_session_tenant_idx on user_session (tenant_id) where revoked_at is null;

-- The units a filler may enter records for (each with its sub-units). tenant_id is the user's tenant.
create table user_unit (
  tenant_id  uuid not null references tenant (id),
  user_id    uuid not null references app_user (id) on delete cascade,
  unit_id    uuid not null references unit (id),
  primary key (user_id, unit_id)
);

alter table tenant_security enable row level security;
alter table tenant_security force row level security;
create policy tenant_security_scope on tenant_security
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

alter table user_session enable row level security;
alter table user_session force row level security;
create policy user_session_scope on user_session
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

alter table user_unit enable row level security;
alter table user_unit force row level security;
create policy user_unit_scope on user_unit
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));

do $$ begin
  execute format('create policy auth_lookup on tenant_security for select to %I using (true)', current_user);
  execute format('create policy auth_lookup on user_session for select to %I using (true)', current_user);
  execute format('create policy auth_lookup on user_unit for select to %I using (true)', current_user);
  -- A filler's reach walks the unit tree below its assigned units (auth_session).
  execute format('create policy auth_lookup on unit for select to %I using (true)', current_user);
end $$;

-- Effective settings at a path: for each setting, the deepest ancestor-or-self that sets it, else the default.
create function security_effective(p_path ltree)
  returns table (lockout_threshold integer, lockout_minutes integer, password_min_length integer,
                 password_min_classes integer, idle_timeout_minutes integer)
  language sql stable rows 1 set search_path = public, pg_temp
  as $$
    select
      coalesce((array_agg(s.lockout_threshold order by nlevel(a.path) desc) filter (where s.lockout_threshold is not null))[1], 5),
      coalesce((array_agg(s.lockout_minutes order by nlevel(a.path) desc) filter (where s.lockout_minutes is not null))[1], 15),
      coalesce((array_agg(s.password_min_length order by nlevel(a.path) desc) filter (where s.password_min_length is not null))[1], 8),
      coalesce((array_agg(s.password_min_classes order by nlevel(a.path) desc) filter (where s.password_min_classes is not null))[1], 3),
      coalesce((array_agg(s.idle_timeout_minutes order by nlevel(a.path) desc) filter (where s.idle_timeout_minutes is not null))[1], 30)
    from tenant a join tenant_security s on s.tenant_id = a.id
    where a.path @> p_path
  $$;
revoke all on function security_effective(ltree) from public;

-- The settings chain of a tenant the caller can see: each ancestor-or-self with what it sets, root first.
-- Ancestors above the caller's scope are read through the owner (they carry settings only, no records).
create function tenant_security_chain(p_tenant_id uuid)
  returns table (tenant_id uuid, tenant_name text, depth integer, lockout_threshold integer, lockout_minutes integer,
                 password_min_length integer, password_min_classes integer, idle_timeout_minutes integer)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select a.id, a.name, nlevel(a.path), s.lockout_threshold, s.lockout_minutes, s.password_min_length,
           s.password_min_classes, s.idle_timeout_minutes
      from tenant t
      join tenant a on a.path @> t.path
      left join tenant_security s on s.tenant_id = a.id
     where t.id = p_tenant_id and t.path <@ app_scope()
     order by nlevel(a.path)
  $$;
revoke all on function tenant_security_chain(uuid) from public;
grant execute on function tenant_security_chain(uuid) to lz_app;

-- The account for a login attempt, now with its effective lockout and password settings.
drop function auth_find_user(text);
create function auth_find_user(p_username text)
  returns table (user_id uuid, tenant_id uuid, tenant_path text, tenant_status text, role text,
                 password_hash text, status text, failed_logins integer, locked_until timestamptz,
                 must_change_password boolean, lockout_threshold integer, lockout_minutes integer,
                 idle_timeout_minutes integer)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select u.id, u.tenant_id, t.path::text, tenant_effective_status(t.path),
           u.role, u.password_hash, u.status, u.failed_logins, u.locked_until, u.must_change_password,
           e.lockout_threshold, e.lockout_minutes, e.idle_timeout_minutes
      from app_user u join tenant t on t.id = u.tenant_id cross join lateral security_effective(t.path) e
     where u.username = lower(p_username)
  $$;
revoke all on function auth_find_user(text) from public;
grant execute on function auth_find_user(text) to lz_app;

-- A request's session: the user, the tenant, and the session the access token names, judged live
-- (not revoked, not expired, not idle longer than the tenant's idle timeout).
drop function auth_session(uuid);
create function auth_session(p_user_id uuid, p_session_id uuid)
  returns table (user_id uuid, username text, display_name text, tenant_id uuid, tenant_path text,
                 tenant_status text, role text, status text, must_change_password boolean,
                 session_live boolean, unit_ids uuid[])
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select u.id, u.username, u.display_name, u.tenant_id, t.path::text,
           tenant_effective_status(t.path), u.role, u.status, u.must_change_password,
           coalesce((select s.revoked_at is null and s.expires_at > now()
                            and s.last_seen_at + make_interval(mins => e.idle_timeout_minutes) > now()
                       from user_session s where s.id = p_session_id and s.user_id = u.id), false),
           -- A filler's reach: the assigned units and every unit beneath them.
           coalesce((with recursive sub(id) as (
                       select uu.unit_id from user_unit uu where uu.user_id = u.id
                       union select x.id from unit x join sub on x.parent_id = sub.id)
                     select array_agg(id) from sub), '{}')
      from app_user u join tenant t on t.id = u.tenant_id cross join lateral security_effective(t.path) e
     where u.id = p_user_id
  $$;
revoke all on function auth_session(uuid, uuid) from public;
grant execute on function auth_session(uuid, uuid) to lz_app;

-- A refresh attempt: the session with its user's standing, before any scope exists.
create function auth_refresh_session(p_session_id uuid)
  returns table (session_id uuid, user_id uuid, username text, tenant_id uuid, tenant_path text, refresh_hash text, live boolean,
                 user_status text, tenant_status text, must_change_password boolean)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select s.id, u.id, u.username, u.tenant_id, t.path::text, s.refresh_hash,
           s.revoked_at is null and s.expires_at > now()
             and s.last_seen_at + make_interval(mins => e.idle_timeout_minutes) > now(),
           u.status, tenant_effective_status(t.path), u.must_change_password
      from user_session s join app_user u on u.id = s.user_id join tenant t on t.id = u.tenant_id
      cross join lateral security_effective(t.path) e
     where s.id = p_session_id
  $$;
revoke all on function auth_refresh_session(uuid) from public;
grant execute on function auth_refresh_session(uuid) to lz_app;

grant select, insert, update, delete on tenant_security to lz_app;
grant select, insert, update on user_session to lz_app;
grant select, insert, delete on user_unit to lz_app;
