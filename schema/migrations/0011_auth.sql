-- Refresh-token rotation keeps the hashes of superseded secrets, so that presenting one (a copied token) ends the
-- session, while a wrong or unknown secret is only refused and leaves the session alone.
alter table user_session add column superseded_hashes text[] not null default '{}';

drop function auth_refresh_session(uuid);
create function auth_refresh_session(p_session_id uuid)
  returns table (session_id uuid, user_id uuid, username text, tenant_id uuid, tenant_path text, refresh_hash text, live boolean,
                 user_status text, tenant_status text, must_change_password boolean, superseded_hashes text[])
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select s.id, u.id, u.username, u.tenant_id, t.path::text, s.refresh_hash,
           s.revoked_at is null and s.expires_at > now()
             and s.last_seen_at + make_interval(mins => e.idle_timeout_minutes) > now(),
           u.status, tenant_effective_status(t.path), u.must_change_password, s.superseded_hashes
      from user_session s join app_user u on u.id = s.user_id join tenant t on t.id = u.tenant_id
      cross join lateral security_effective(t.path) e
     where s.id = p_session_id
  $$;
revoke all on function auth_refresh_session(uuid) from public;
grant execute on function auth_refresh_session(uuid) to lz_app;
