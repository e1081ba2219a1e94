-- 0007 separation of the three administrators (三员分立, 等保 level 3): the system administrator (admin) manages
-- tenants, units and accounts; the security administrator (secadmin, new) approves role grants and sets the
-- security settings; the security auditor (auditor) reads the access log and the grant records.
--
-- * New and reset accounts get a one-time activation code (only its hash is kept, valid for hours): the person
--   sets their own password, so the admin never learns a usable one. Until then the password hash is random.
-- * A grant of a role that reads archives or the log (officer, leader, filler, auditor) — or that approves such
--   grants (secadmin) — is a request in role_grant until a security administrator of the tenant or an ancestor
--   approves it. A new account waits in status 'pending' (it cannot log in); an existing account keeps its old role.
--   A password reset of such an account puts it back to 'pending' with a request to confirm its role again (whoever
--   holds the activation code must not inherit the role unseen).
-- * Security settings of a parent are a floor: the effective value is the strictest along the chain.

alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
  check (role in ('admin', 'secadmin', 'officer', 'leader', 'filler', 'auditor'));
alter table app_user drop constraint app_user_status_check;
alter table app_user add constraint app_user_status_check check (status in ('active', 'disabled', 'pending'));
alter table app_user add column activation_hash text;
alter table app_user add column activation_expires_at timestamptz;

create table role_grant (
  id               uuid primary key default gen_random_uuid(),
  tenant_id        uuid not null references tenant (id),
  user_id          uuid not null references app_user (id),
  role             text not null check (role in ('secadmin', 'officer', 'leader', 'filler', 'auditor')),
  -- The role the account had when the request was made; null for a new account; equal to role: confirming the
  -- role again after a password reset.
  previous_role    text,
  unit_ids         uuid[] not null default '{}',
  status           text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'superseded')),
  requested_by     uuid not null,
  requested_by_name text not null,
  requested_at     timestamptz not null default now(),
  decided_by       uuid,
  decided_by_name  text,
  decided_at       timestamptz,
  reason           text,
  check (status = 'pending' or decided_at is not null),
  check (status <> 'rejected' or reason is not null)
);
-- At most one open request per account.
create unique index role_grant_pending_idx on role_grant (user_id) where status = 'pending';
create index role_grant_tenant_idx on role_grant (tenant_id, requested_at desc);

alter table role_grant enable row level security;
alter table role_grant force row level security;
create policy role_grant_scope on role_grant
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on role_grant to lz_app;

-- The alert query follows one account through the log.
create index audit_event_user_at_idx on audit_event (user_id, at);

-- An activation attempt, before any scope exists: the account and its lockout settings.
create function auth_find_activation(p_username text)
  returns table (user_id uuid, tenant_id uuid, tenant_path text, tenant_status text, username text, status text,
                 activation_hash text, activation_expires_at timestamptz, locked_until timestamptz,
                 lockout_threshold integer, lockout_minutes integer)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select u.id, u.tenant_id, t.path::text, tenant_effective_status(t.path), u.username, u.status,
           u.activation_hash, u.activation_expires_at, u.locked_until, e.lockout_threshold, e.lockout_minutes
      from app_user u join tenant t on t.id = u.tenant_id cross join lateral security_effective(t.path) e
     where u.username = lower(p_username)
  $$;
revoke all on function auth_find_activation(text) from public;
grant execute on function auth_find_activation(text) to lz_app;

-- Effective settings at a path: the root's value (else the default), tightened by every value set below it on the
-- way down — a child never loosens what its parent requires, whatever rows an older version left behind.
-- Stricter: fewer failures before the lock, longer locks, longer passwords with more classes, shorter idle time.
create or replace function security_effective(p_path ltree)
  returns table (lockout_threshold integer, lockout_minutes integer, password_min_length integer,
                 password_min_classes integer, idle_timeout_minutes integer)
  language sql stable rows 1 set search_path = public, pg_temp
  as $$
    with chain as (
      select nlevel(a.path) as depth, s.lockout_threshold, s.lockout_minutes, s.password_min_length,
             s.password_min_classes, s.idle_timeout_minutes
        from tenant a left join tenant_security s on s.tenant_id = a.id
       where a.path @> p_path
    ), v as (
      select coalesce(c.lockout_threshold, 5) as lockout_threshold, coalesce(c.lockout_minutes, 15) as lockout_minutes,
             coalesce(c.password_min_length, 8) as password_min_length, coalesce(c.password_min_classes, 3) as password_min_classes,
             coalesce(c.idle_timeout_minutes, 30) as idle_timeout_minutes
        from chain c where c.depth = (select min(depth) from chain)
      union all
      select c.lockout_threshold, c.lockout_minutes, c.password_min_length, c.password_min_classes, c.idle_timeout_minutes
        from chain c where c.depth > (select min(depth) from chain)
    )
    select coalesce(min(v.lockout_threshold), 5), coalesce(max(v.lockout_minutes), 15),
           coalesce(max(v.password_min_length), 8), coalesce(max(v.password_min_classes), 3),
           coalesce(min(v.idle_timeout_minutes), 30)
      from v
  $$;
revoke all on function security_effective(ltree) from public;
